package dev.berth.registry.distribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tenant may have only so many blob uploads open at once. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
@TestProfile(UploadLimitsIT.FewOpenUploads.class)
class UploadLimitsIT {

    private static final int LIMIT = 20;

    public static class FewOpenUploads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("berth.registry.max-open-uploads-per-tenant", String.valueOf(LIMIT));
        }
    }

    private final String token = Tokens.forDemoUser("globex-admin");

    @Test
    void aTenantWithTooManyOpenUploadsIsToldToFinishOneFirst() {
        String repository = "globex/uploads-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> opened = new ArrayList<>();
        Response refused = null;
        try {
            // sessions other tests left open count too, so open until refused (at most LIMIT + 1 times)
            for (int i = 0; i <= LIMIT && refused == null; i++) {
                Response answer = given().auth().oauth2(token).when().post("/v2/" + repository + "/blobs/uploads/");
                if (answer.statusCode() == 202) {
                    opened.add(answer.header("Location"));
                } else {
                    refused = answer;
                }
            }
            org.junit.jupiter.api.Assertions.assertNotNull(refused, "the upload past the limit is refused");
            refused.then().statusCode(429)
                    .body("errors[0].code", equalTo("TOOMANYREQUESTS"))
                    .body("errors[0].message", containsString(LIMIT + " blob uploads open"))
                    .body("errors[0].message", containsString("berth.registry.max-open-uploads-per-tenant"));
            if (!opened.isEmpty()) {
                String last = opened.remove(opened.size() - 1);
                given().auth().oauth2(token).when().delete(last).then().statusCode(204);
                Response again = given().auth().oauth2(token).when().post("/v2/" + repository + "/blobs/uploads/");
                assertEquals(202, again.statusCode(), "a cancelled session frees its place");
                opened.add(again.header("Location"));
            }
        } finally {
            opened.forEach(location -> given().auth().oauth2(token).when().delete(location));
        }
    }
}
