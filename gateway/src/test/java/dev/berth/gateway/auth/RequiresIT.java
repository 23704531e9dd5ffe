package dev.berth.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared authorization library on real Keycloak tokens: OpsWorks levels per HTTP action. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RequiresIT {

    private static final String PATH = "/api/iam/v1/test-guarded";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "acme-viewer,GET,200", "acme-viewer,POST,403", "acme-viewer,DELETE,403",
            "acme-deployer,GET,200", "acme-deployer,POST,200", "acme-deployer,DELETE,403",
            "acme-admin,GET,200", "acme-admin,POST,200", "acme-admin,DELETE,200",
            "globex-viewer,GET,200", "globex-viewer,DELETE,403"})
    void levelsDecideWhatACallerMayDo(String user, String method, int status) {
        var response = given().auth().oauth2(Tokens.forDemoUser(user)).when().request(method, PATH).then()
                .statusCode(status);
        if (status == 403) {
            response.body("code", equalTo("AccessDeniedException"));
        } else {
            response.body(equalTo(switch (method) {
                case "GET" -> "read:";
                case "POST" -> "deploy:";
                default -> "manage:";
            } + user.substring(0, user.indexOf('-'))));
        }
    }
}
