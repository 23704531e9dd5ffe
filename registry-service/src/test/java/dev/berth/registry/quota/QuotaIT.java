package dev.berth.registry.quota;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.berth.registry.digest.Digest;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tenant's storage quota: blobs new to the tenant must fit; what it already stores costs nothing again. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
@TestProfile(QuotaIT.GlobexHasOneMegabyte.class)
class QuotaIT {

    private static final long LIMIT = 1_000_000;

    public static class GlobexHasOneMegabyte implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("berth.registry.quota.tenants.globex", String.valueOf(LIMIT));
        }
    }

    private final String token = Tokens.forDemoUser("globex-admin");

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private ValidatableResponse push(String repository, byte[] content) {
        return given().auth().oauth2(token).contentType("application/octet-stream").body(content)
                .queryParam("digest", Digest.sha256(content).toString())
                .when().post("/v2/" + repository + "/blobs/uploads/").then();
    }

    @Test
    void blobsBeyondTheQuotaAreRefusedAndNothingIsKept() {
        long used = ((Number) given().auth().oauth2(token).when().get("/api/registry/v1/quota").then()
                .statusCode(200).body("limitBytes", equalTo((int) LIMIT)).extract().path("usedBytes")).longValue();
        String repository = "globex/quota-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] fits = randomBytes((int) (LIMIT - used - 100));
        push(repository, fits).statusCode(201);
        byte[] tooMuch = randomBytes(200);
        push(repository, tooMuch).statusCode(403)
                .body("errors[0].code", equalTo("DENIED"))
                .body("errors[0].message", containsString("quota"));
        given().auth().oauth2(token).when().head("/v2/" + repository + "/blobs/" + Digest.sha256(tooMuch)).then()
                .statusCode(404);
        // the same content in another repository of the tenant is stored once and costs nothing more
        String other = "globex/quota-other-" + UUID.randomUUID().toString().substring(0, 8);
        push(other, fits).statusCode(201);
        given().auth().oauth2(token).when().get("/api/registry/v1/quota").then()
                .statusCode(200).body("usedBytes", equalTo((int) (LIMIT - 100)));
        // unlinking the blob from both repositories gives the room back
        for (String r : new String[] {repository, other}) {
            given().auth().oauth2(token).when().delete("/v2/" + r + "/blobs/" + Digest.sha256(fits)).then().statusCode(202);
        }
        given().auth().oauth2(token).when().get("/api/registry/v1/quota").then()
                .statusCode(200).body("usedBytes", equalTo((int) used));
        // a tenant without a quota of its own has the default one, 50 GiB
        given().auth().oauth2(Tokens.forDemoUser("acme-viewer")).when().get("/api/registry/v1/quota").then()
                .statusCode(200).body("limitBytes", equalTo(50L * 1024 * 1024 * 1024));
    }

    @Test
    void aChunkThatWouldPassTheQuotaIsRefusedAsItArrivesAndTheUploadDiscarded() {
        long used = ((Number) given().auth().oauth2(token).when().get("/api/registry/v1/quota").then()
                .statusCode(200).extract().path("usedBytes")).longValue();
        String repository = "globex/quota-stream-" + UUID.randomUUID().toString().substring(0, 8);
        String location = given().auth().oauth2(token).when().post("/v2/" + repository + "/blobs/uploads/").then()
                .statusCode(202).extract().header("Location");
        byte[] first = randomBytes(1000);
        given().auth().oauth2(token).contentType("application/octet-stream").body(first)
                .header("Content-Range", "0-999")
                .when().patch(location).then().statusCode(202);
        // this chunk takes the upload past the quota: refused before it is all stored, not at the final PUT
        byte[] tooMuch = randomBytes((int) (LIMIT - used));
        given().auth().oauth2(token).contentType("application/octet-stream").body(tooMuch)
                .when().patch(location).then()
                .statusCode(403)
                .body("errors[0].code", equalTo("DENIED"))
                .body("errors[0].message", containsString("storage quota of globex"))
                .body("errors[0].message", containsString("discarded"));
        given().auth().oauth2(token).when().get(location).then()
                .statusCode(404).body("errors[0].code", equalTo("BLOB_UPLOAD_UNKNOWN"));
        given().auth().oauth2(token).when().get("/api/registry/v1/quota").then()
                .statusCode(200).body("usedBytes", equalTo((int) used));
    }

    @Test
    void bytesHeldByOpenUploadsCountAgainstTheQuota() {
        long used = ((Number) given().auth().oauth2(token).when().get("/api/registry/v1/quota").then()
                .statusCode(200).extract().path("usedBytes")).longValue();
        String repository = "globex/quota-open-" + UUID.randomUUID().toString().substring(0, 8);
        String first = given().auth().oauth2(token).when().post("/v2/" + repository + "/blobs/uploads/").then()
                .statusCode(202).extract().header("Location");
        String second = given().auth().oauth2(token).when().post("/v2/" + repository + "/blobs/uploads/").then()
                .statusCode(202).extract().header("Location");
        try {
            given().auth().oauth2(token).contentType("application/octet-stream").body(randomBytes((int) (LIMIT - used) - 500))
                    .when().patch(first).then().statusCode(202);
            // the first upload holds all but 500 bytes of the quota: the second may not take 1000 more
            given().auth().oauth2(token).contentType("application/octet-stream").body(randomBytes(1000))
                    .when().patch(second).then()
                    .statusCode(403).body("errors[0].message", containsString("storage quota of globex"));
        } finally {
            given().auth().oauth2(token).when().delete(first);
            given().auth().oauth2(token).when().delete(second);
        }
    }

    @Test
    void aMonolithicPushLargerThanTheQuotaIsRefusedAsItArrives() {
        long used = ((Number) given().auth().oauth2(token).when().get("/api/registry/v1/quota").then()
                .statusCode(200).extract().path("usedBytes")).longValue();
        String repository = "globex/quota-put-" + UUID.randomUUID().toString().substring(0, 8);
        push(repository, randomBytes((int) (LIMIT - used) + 1)).statusCode(403)
                .body("errors[0].code", equalTo("DENIED"))
                .body("errors[0].message", containsString("discarded"));
    }
}
