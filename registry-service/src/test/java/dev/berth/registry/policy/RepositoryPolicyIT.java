package dev.berth.registry.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.registry.digest.Digest;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Repository policies open a repository to another tenant, as far as they say and no further. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RepositoryPolicyIT {

    private static final String PULL = "[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchCheckLayerAvailability\"]";
    private static final String PUSH = "[\"ecr:PutImage\",\"ecr:InitiateLayerUpload\",\"ecr:UploadLayerPart\",\"ecr:CompleteLayerUpload\"]";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    private static String statement(String effect, String principal, String actions) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":{\"AWS\":[\"" + principal + "\"]},\"Action\":" + actions + "}";
    }

    private static void setPolicy(String name, String... statements) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
        as("acme-admin").body(Map.of("policyText", policy))
                .when().put("/api/registry/v1/repositories/" + name + "/policy").then().statusCode(200);
    }

    private static int startUpload(String user, String repository) {
        return as(user).when().post("/v2/" + repository + "/blobs/uploads/").then().extract().statusCode();
    }

    @Test
    void anotherTenantGetsExactlyWhatThePolicyGrants() {
        String name = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String repository = "acme/" + name;
        byte[] content = "shared content".getBytes(StandardCharsets.UTF_8);
        String digest = Digest.sha256(content).toString();
        as("acme-admin").contentType("application/octet-stream").body(content).queryParam("digest", digest)
                .when().post("/v2/" + repository + "/blobs/uploads/").then().statusCode(201);
        String blob = "/v2/" + repository + "/blobs/" + digest;

        as("globex-viewer").when().head(blob).then().statusCode(404);

        setPolicy(name, statement("Allow", "arn:berth:iam::globex:root", PULL));
        as("globex-viewer").when().head(blob).then().statusCode(200);
        as("globex-admin").when().get(blob).then().statusCode(200);
        assertEquals(404, startUpload("globex-deployer", repository),
                "pull was granted, not push");
        as("globex-admin").when().delete(blob).then().statusCode(404);

        setPolicy(name, statement("Allow", "arn:berth:iam::globex:root", PULL),
                statement("Allow", "arn:berth:iam::globex:user/globex-deployer", PUSH),
                statement("Deny", "arn:berth:iam::globex:user/globex-viewer", PULL));
        assertEquals(202, startUpload("globex-deployer", repository));
        as("globex-viewer").when().head(blob).then().statusCode(404);
        as("globex-admin").when().head(blob).then().statusCode(200);

        as("acme-viewer").when().get("/api/registry/v1/repositories/" + name + "/policy").then()
                .statusCode(200).body("policyText", containsString("globex-deployer"));
        as("acme-admin").when().delete("/api/registry/v1/repositories/" + name + "/policy").then().statusCode(200);
        as("globex-admin").when().head(blob).then().statusCode(404);
        as("acme-admin").when().get("/api/registry/v1/repositories/" + name + "/policy").then()
                .statusCode(404).body("code", equalTo("RepositoryPolicyNotFoundException"));
    }

    @Test
    void aPolicyThatCannotBeAppliedIsRefusedNamingWhy() {
        String name = "policy-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-admin").body(Map.of("repositoryName", name)).when().post("/api/registry/v1/repositories").then()
                .statusCode(201);
        as("acme-admin").body(Map.of("policyText", "{\"Statement\":[" + statement("Allow", "arn:berth:iam::globex:root",
                        "[\"s3:GetObject\"]") + "]}"))
                .when().put("/api/registry/v1/repositories/" + name + "/policy").then()
                .statusCode(400).body("message", containsString("Statement[0].Action"));
        as("acme-admin").body(Map.of("policyText", "{\"Statement\":[" + statement("Allow", "arn:aws:iam::123:root", PULL)
                        + "]}"))
                .when().put("/api/registry/v1/repositories/" + name + "/policy").then()
                .statusCode(400).body("message", containsString("Statement[0].Principal"));
        as("acme-deployer").body(Map.of("policyText", "{}"))
                .when().put("/api/registry/v1/repositories/" + name + "/policy").then().statusCode(403);
        // ECR's 10,240 characters at most
        String padded = "{\"Statement\":[" + statement("Allow", "arn:berth:iam::globex:root", PULL) + "]}";
        as("acme-admin").body(Map.of("policyText", padded + " ".repeat(10_241 - padded.length())))
                .when().put("/api/registry/v1/repositories/" + name + "/policy").then()
                .statusCode(400).body("message", containsString("policyText must be at most 10240 characters"));
    }
}
