package dev.berth.registry.repositories;

import dev.berth.registry.TestImages;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ECR-like management API: repositories, tag immutability, images, deletion. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RepositoriesApiIT {

    private static final String API = "/api/registry/v1/repositories";

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    private static String unique() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Pushes an image whose single layer holds {@code text}; returns the manifest's digest and tag status. */
    private static ValidatedPush pushImage(String repository, String tag, String text) {
        byte[] config = TestImages.bytes("{}");
        byte[] layer = TestImages.bytes(text);
        TestImages.Pushed pushed = TestImages.pushImage(Tokens.forDemoUser("acme-admin"), repository, tag, config, layer);
        return new ValidatedPush(pushed.digest(), pushed.status(),
                pushed.manifest().length() + config.length + layer.length);
    }

    private record ValidatedPush(String digest, int status, long size) {
    }

    @Test
    void createDescribeListAndRefuseBadInput() {
        String name = unique();
        as("acme-deployer").body(Map.of("repositoryName", name)).when().post(API).then()
                .statusCode(201)
                .body("repository.repositoryName", equalTo(name))
                .body("repository.registryId", equalTo("acme"))
                .body("repository.repositoryArn", equalTo("arn:berth:ecr::acme:repository/" + name))
                .body("repository.repositoryUri", endsWith("/acme/" + name))
                .body("repository.imageTagMutability", equalTo("MUTABLE"))
                .body("repository.createdAt", notNullValue());
        as("acme-deployer").body(Map.of("repositoryName", name)).when().post(API).then()
                .statusCode(409).body("code", equalTo("RepositoryAlreadyExistsException"));
        as("acme-deployer").body(Map.of("repositoryName", "Bad Name")).when().post(API).then()
                .statusCode(400).body("message", containsString("repositoryName"));
        as("acme-deployer").body(Map.of("repositoryName", unique(), "imageTagMutability", "SOMETIMES")).when()
                .post(API).then().statusCode(400).body("message", containsString("imageTagMutability"));
        as("acme-viewer").body(Map.of("repositoryName", unique())).when().post(API).then().statusCode(403);

        as("acme-viewer").when().get(API + "/" + name).then().statusCode(200)
                .body("repository.repositoryName", equalTo(name));
        as("globex-admin").when().get(API + "/" + name).then()
                .statusCode(404).body("code", equalTo("RepositoryNotFoundException"));

        String second = unique();
        as("acme-deployer").body(Map.of("repositoryName", second)).when().post(API).then().statusCode(201);
        String token = as("acme-viewer").queryParam("maxResults", 1).when().get(API).then()
                .statusCode(200).body("repositories", hasSize(1)).body("nextToken", notNullValue())
                .extract().path("nextToken");
        as("acme-viewer").queryParam("maxResults", 1).queryParam("nextToken", token).when().get(API).then()
                .statusCode(200).body("repositories", hasSize(1));
        as("globex-admin").queryParam("maxResults", 1000).when().get(API).then().statusCode(200)
                .body("repositories.registryId.unique()", not(hasItem("acme")));
    }

    @Test
    void anImmutableTagIsNeverMoved() {
        String name = unique();
        as("acme-admin").body(Map.of("repositoryName", name, "imageTagMutability", "IMMUTABLE")).when().post(API)
                .then().statusCode(201);
        String repository = "acme/" + name;
        ValidatedPush first = pushImage(repository, "v1", "first");
        assertEquals(201, first.status());
        assertEquals(201, pushImage(repository, "v1", "first").status(),
                "pushing the same image to the same tag again is fine");
        assertEquals(400, pushImage(repository, "v1", "second").status());
        as("acme-admin").when().get("/v2/" + repository + "/manifests/v1").then()
                .statusCode(200).header("Docker-Content-Digest", first.digest());

        as("acme-deployer").body(Map.of("imageTagMutability", "MUTABLE")).when()
                .put(API + "/" + name + "/image-tag-mutability").then().statusCode(403);
        as("acme-admin").body(Map.of("imageTagMutability", "MUTABLE")).when()
                .put(API + "/" + name + "/image-tag-mutability").then()
                .statusCode(200).body("imageTagMutability", equalTo("MUTABLE"));
        assertEquals(201, pushImage(repository, "v1", "second").status());
    }

    @Test
    void imagesAreDescribedAndARepositoryWithImagesNeedsForce() {
        String name = unique();
        String repository = "acme/" + name;
        ValidatedPush pushed = pushImage(repository, "v1", "some layer");
        as("acme-viewer").when().get(API + "/" + name + "/images").then()
                .statusCode(200)
                .body("imageDetails", hasSize(1))
                .body("imageDetails[0].imageDigest", equalTo(pushed.digest()))
                .body("imageDetails[0].imageTags", equalTo(List.of("v1")))
                .body("imageDetails[0].imageSizeInBytes", equalTo((int) pushed.size()))
                .body("imageDetails[0].imageManifestMediaType", equalTo("application/vnd.oci.image.manifest.v1+json"))
                .body("imageDetails[0].artifactMediaType", equalTo("application/vnd.oci.image.config.v1+json"))
                .body("imageDetails[0].imagePushedAt", notNullValue())
                .body("imageDetails[0].lastRecordedPullTime", nullValue());

        as("acme-admin").when().delete(API + "/" + name).then()
                .statusCode(409).body("code", equalTo("RepositoryNotEmptyException"));
        as("acme-deployer").queryParam("force", true).when().delete(API + "/" + name).then().statusCode(403);
        as("acme-admin").queryParam("force", true).when().delete(API + "/" + name).then()
                .statusCode(200).body("repository.repositoryName", equalTo(name));
        as("acme-admin").when().get(API + "/" + name).then().statusCode(404);
        as("acme-admin").when().get("/v2/" + repository + "/tags/list").then()
                .statusCode(404).body("errors[0].code", equalTo("NAME_UNKNOWN"));
    }
}
