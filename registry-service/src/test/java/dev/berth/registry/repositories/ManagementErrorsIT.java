package dev.berth.registry.repositories;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input to the management API: 400 InvalidParameterException naming the field in the body's "field". */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ManagementErrorsIT {

    private static final String API = "/api/registry/v1/repositories";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    @Test
    void everyBadInputNamesItsField() {
        String name = "errors-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-admin").body(Map.of("repositoryName", name)).when().post(API).then().statusCode(201);

        invalid(as("acme-admin").body(Map.of("repositoryName", "Bad Name")).when().post(API), "repositoryName");
        invalid(as("acme-admin").body(Map.of("repositoryName", name + "-m", "imageTagMutability", "SOMETIMES"))
                .when().post(API), "imageTagMutability");
        invalid(as("acme-admin").body(Map.of("imageTagMutability", "SOMETIMES"))
                .when().put(API + "/" + name + "/image-tag-mutability"), "imageTagMutability");
        invalid(as("acme-admin").queryParam("maxResults", 0).when().get(API), "maxResults");
        invalid(as("acme-admin").queryParam("nextToken", "%%%").when().get(API + "/" + name + "/images"), "nextToken");
        invalid(as("acme-admin").body(Map.of("imageIds", List.of())).when().post(API + "/" + name + "/images/batch-get"),
                "imageIds")
                .body("message", startsWith("imageIds: "));
        invalid(as("acme-admin").body(Map.of("lifecyclePolicyText", "{\"rules\":[]}"))
                .when().put(API + "/" + name + "/lifecycle-policy"), "lifecyclePolicyText")
                .body("message", startsWith("Invalid parameter at 'lifecyclePolicyText': "));
        invalid(as("acme-admin").body(Map.of("lifecyclePolicyText", "not json"))
                .when().post(API + "/" + name + "/lifecycle-policy-preview"), "lifecyclePolicyText");
        invalid(as("acme-admin").body(Map.of("policyText", "{\"Statement\":[]}"))
                .when().put(API + "/" + name + "/policy"), "policyText")
                .body("message", startsWith("Invalid parameter at 'policyText': "));
        invalid(as("acme-admin").body(Map.of()).when().put(API + "/" + name + "/policy"), "policyText");
    }

    @Test
    void missingThingsAnswerTheirNotFoundCode() {
        String name = "errors-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-admin").when().get(API + "/" + name).then()
                .statusCode(404).body("code", equalTo("RepositoryNotFoundException"));
        as("acme-admin").body(Map.of("repositoryName", name)).when().post(API).then().statusCode(201);
        as("acme-admin").when().get(API + "/" + name + "/lifecycle-policy-preview").then()
                .statusCode(404).body("code", equalTo("LifecyclePolicyPreviewNotFoundException"));
        as("acme-admin").when().delete(API + "/" + name + "/lifecycle-policy").then()
                .statusCode(404).body("code", equalTo("LifecyclePolicyNotFoundException"));
        as("acme-admin").when().get(API + "/" + name + "/policy").then()
                .statusCode(404).body("code", equalTo("RepositoryPolicyNotFoundException"));
    }

    private static io.restassured.response.ValidatableResponse invalid(io.restassured.response.Response response,
                                                                       String field) {
        return response.then().statusCode(400)
                .body("code", equalTo("InvalidParameterException"))
                .body("field", equalTo(field))
                .body("message", containsString(field));
    }
}
