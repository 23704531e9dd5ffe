package dev.berth.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
@TestProfile(RateLimitIT.TightLimits.class)
class RateLimitIT {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "berth.gateway.rate-limit.client.requests-per-second", "0.2",
                    "berth.gateway.rate-limit.client.burst", "3",
                    "berth.gateway.rate-limit.registry.client.requests-per-second", "0.2",
                    "berth.gateway.rate-limit.registry.client.burst", "5");
        }
    }

    @Test
    void answers429WithRetryAfterOnceAClientsBurstIsSpent() {
        String token = Tokens.forDemoUser("globex-deployer");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then()
                .statusCode(429)
                .header("Retry-After", oneOf("1", "2", "3", "4", "5"))
                .body("code", equalTo("ThrottlingException"))
                .body("requestId", notNullValue());
        given().auth().oauth2(Tokens.forDemoUser("globex-viewer")).when().get("/api/gateway/v1/caller").then()
                .statusCode(200);
    }

    @Test
    void imagePullsAndPushesHaveTheirOwnBucketsAndAnOciError() {
        String token = Tokens.forDemoUser("acme-viewer");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then().statusCode(429);
        for (int i = 0; i < 5; i++) {
            // admitted: proxied on to the registry, whether or not one runs beside this test
            given().auth().oauth2(token).when().get("/v2/").then().statusCode(not(429));
        }
        given().auth().oauth2(token).when().get("/v2/").then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("errors[0].code", equalTo("TOOMANYREQUESTS"));
    }

    @Test
    void callsWithoutATokenAreLimitedByAddress() {
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic("nobody", "guess-" + i).when().get("/v2/token").then().statusCode(401);
        }
        given().auth().preemptive().basic("nobody", "guess-3").when().get("/v2/token").then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
    }
}
