package dev.berth.registry.repositories;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.registry.TestImages;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ECR's BatchGetImage and BatchDeleteImage, with their per-image failures. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class BatchImagesApiIT {

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    private static String push(String repository, String tag, String text) {
        TestImages.Pushed pushed = TestImages.pushImage(Tokens.forDemoUser("acme-admin"), repository, tag,
                TestImages.bytes("{\"x\":\"" + text + "\"}"), null);
        assertEquals(201, pushed.status());
        return pushed.digest();
    }

    @Test
    void getAndDeleteByTagAndDigestWithFailuresPerImage() {
        String name = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        String api = "/api/registry/v1/repositories/" + name + "/images";
        String one = push("acme/" + name, "one", "1");
        push("acme/" + name, "one-more", "1");
        String two = push("acme/" + name, "two", "2");

        as("acme-viewer").body(Map.of("imageIds", List.of(Map.of("imageTag", "one"), Map.of("imageDigest", two),
                        Map.of("imageTag", "missing"), Map.of("imageDigest", "sha256:bad"))))
                .when().post(api + "/batch-get").then()
                .statusCode(200)
                .body("images", hasSize(2))
                .body("images[0].imageId.imageDigest", equalTo(one))
                .body("images[0].imageManifestMediaType", equalTo("application/vnd.oci.image.manifest.v1+json"))
                .body("failures.failureCode", equalTo(List.of("ImageNotFound", "InvalidImageDigest")));

        as("acme-deployer").body(Map.of("imageIds", List.of(Map.of("imageTag", "one"))))
                .when().post(api + "/batch-delete").then().statusCode(403);
        // removing one of two tags keeps the image; removing the last tag removes it, as in ECR
        as("acme-admin").body(Map.of("imageIds", List.of(Map.of("imageTag", "one"))))
                .when().post(api + "/batch-delete").then()
                .statusCode(200).body("imageIds[0].imageDigest", equalTo(one)).body("failures", hasSize(0));
        as("acme-admin").when().get("/v2/acme/" + name + "/manifests/" + one).then().statusCode(200);
        as("acme-admin").body(Map.of("imageIds", List.of(Map.of("imageTag", "one-more"),
                        Map.of("imageDigest", two, "imageTag", "one"))))
                .when().post(api + "/batch-delete").then()
                .statusCode(200).body("imageIds", hasSize(1)).body("failures[0].failureCode", equalTo("ImageNotFound"));
        as("acme-admin").when().get("/v2/acme/" + name + "/manifests/" + one).then().statusCode(404);
        as("acme-admin").body(Map.of("imageIds", List.of(Map.of("imageDigest", two))))
                .when().post(api + "/batch-delete").then().statusCode(200).body("imageIds", hasSize(1));
        as("acme-admin").when().get("/v2/acme/" + name + "/manifests/two").then().statusCode(404);
        as("acme-viewer").when().get("/api/registry/v1/repositories/" + name + "/images").then()
                .statusCode(200).body("imageDetails", hasSize(0));
        as("globex-admin").body(Map.of("imageIds", List.of(Map.of("imageTag", "two"))))
                .when().post(api + "/batch-get").then().statusCode(404);
    }

    @Test
    void anAnswerHoldsAtMostEightMebibytesOfManifestsAndTheRestAreFailuresToAskAgain() {
        String name = "batch-big-" + UUID.randomUUID().toString().substring(0, 8);
        String api = "/api/registry/v1/repositories/" + name + "/images";
        String token = Tokens.forDemoUser("acme-admin");
        String config = TestImages.pushBlob(token, "acme/" + name, TestImages.bytes("{}"));
        // three manifests of 3 MiB each: two fit in the 8 MiB answer, the third does not
        for (String tag : List.of("a", "b", "c")) {
            String padding = tag.repeat(3 * 1024 * 1024);
            String manifest = TestImages.imageManifest(config, 2, null, 0, ",\"annotations\":{\"pad\":\"" + padding + "\"}");
            assertEquals(201, TestImages.putManifest(token, "acme/" + name, tag, manifest));
        }
        as("acme-viewer").body(Map.of("imageIds", List.of(Map.of("imageTag", "a"), Map.of("imageTag", "b"),
                        Map.of("imageTag", "c"))))
                .when().post(api + "/batch-get").then()
                .statusCode(200)
                .body("images.imageId.imageTag", equalTo(List.of("a", "b")))
                .body("failures.imageId.imageTag", equalTo(List.of("c")))
                .body("failures[0].failureCode", equalTo("ResponseSizeLimitExceeded"))
                .body("failures[0].failureReason", org.hamcrest.Matchers.containsString("8388608 bytes"));
        as("acme-viewer").body(Map.of("imageIds", List.of(Map.of("imageTag", "c"))))
                .when().post(api + "/batch-get").then()
                .statusCode(200).body("images", hasSize(1)).body("failures", hasSize(0));
    }

    @Test
    void takesAtMostOneHundredImageIds() {
        String name = "batch-many-" + UUID.randomUUID().toString().substring(0, 8);
        push("acme/" + name, "x", "x");
        List<Map<String, String>> ids = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> Map.of("imageTag", "t" + i)).toList();
        as("acme-viewer").body(Map.of("imageIds", ids))
                .when().post("/api/registry/v1/repositories/" + name + "/images/batch-get").then()
                .statusCode(400)
                .body("code", equalTo("InvalidParameterException"))
                .body("message", org.hamcrest.Matchers.containsString("imageIds may list at most 100"));
    }
}
