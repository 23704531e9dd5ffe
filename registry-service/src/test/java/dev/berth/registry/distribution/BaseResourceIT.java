package dev.berth.registry.distribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The distribution API's base endpoint and its token-protocol challenge. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class BaseResourceIT {

    @Test
    void withoutATokenTheChallengePointsAtTheTokenEndpointTheClientReached() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "registry.example:8443")
                .when().get("/v2/").then()
                .statusCode(401)
                .header("WWW-Authenticate",
                        equalTo("Bearer realm=\"https://registry.example:8443/v2/token\",service=\"berth-registry\""))
                .header("Docker-Distribution-API-Version", equalTo("registry/2.0"))
                .body("errors[0].code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aBadTokenIsCalledInvalid() {
        given().auth().oauth2("not-a-token").when().get("/v2/").then()
                .statusCode(401)
                .header("WWW-Authenticate", endsWith("error=\"invalid_token\""))
                .body("errors[0].code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void withATokenTheBaseAnswers() {
        given().auth().oauth2(Tokens.forDemoUser("acme-viewer")).when().get("/v2/").then()
                .statusCode(200)
                .header("Docker-Distribution-API-Version", equalTo("registry/2.0"));
    }
}
