package dev.berth.gateway.iam;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tenant administration API against the real Keycloak, as tenant admins use it. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class IamApiIT {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdminSeesOnlyTheirTenantsPeopleWithTheirLevels() {
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().get("/api/iam/v1/users").then()
                .statusCode(200)
                .body("users.username", hasItems("acme-admin", "acme-deployer", "acme-viewer"))
                .body("users.username", not(hasItem("globex-admin")))
                .body("users.find { it.username == 'acme-admin' }.level", equalTo("manage"))
                .body("users.find { it.username == 'acme-deployer' }.level", equalTo("deploy"))
                .body("users.find { it.username == 'acme-viewer' }.level", equalTo("show"));
    }

    @Test
    void onlyAdminsAdministerTheTenant() {
        for (String user : List.of("acme-deployer", "acme-viewer")) {
            given().auth().oauth2(Tokens.forDemoUser(user)).when().get("/api/iam/v1/users").then()
                    .statusCode(403).body("code", equalTo("AccessDeniedException"));
            given().auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json")
                    .body(Map.of("name", "x1", "level", "show")).when().post("/api/iam/v1/service-accounts").then()
                    .statusCode(403);
        }
    }

    @Test
    void invitesAUserAndChangesTheirLevel() {
        String username = unique("acme-dev");
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("username", username, "email", username + "@acme.example", "level", "show"))
                .when().post("/api/iam/v1/users").then()
                .statusCode(201)
                .body("user.username", equalTo(username))
                .body("user.level", equalTo("show"))
                .body("temporaryPassword", notNullValue());

        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("level", "deploy")).when().put("/api/iam/v1/users/" + username + "/level").then()
                .statusCode(200).body("level", equalTo("deploy"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().get("/api/iam/v1/users/" + username).then()
                .statusCode(200).body("level", equalTo("deploy"));

        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("level", "deny")).when().put("/api/iam/v1/users/" + username + "/level").then()
                .statusCode(200).body("level", equalTo("deny"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().get("/api/iam/v1/users/" + username).then()
                .statusCode(200).body("level", equalTo("deny"));

        // another tenant's admin cannot see or change them, and learns nothing
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when().get("/api/iam/v1/users/" + username).then()
                .statusCode(404).body("code", equalTo("UserNotFoundException"));
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).contentType("application/json")
                .body(Map.of("level", "manage")).when().put("/api/iam/v1/users/" + username + "/level").then()
                .statusCode(404);
    }

    @Test
    void badInputNamesTheField() {
        String admin = Tokens.forDemoUser("acme-admin");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", "Not Valid", "level", "show")).when().post("/api/iam/v1/users").then()
                .statusCode(400).body("code", equalTo("InvalidParameterException"))
                .body("message", containsString("username"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", unique("ok"), "level", "root")).when().post("/api/iam/v1/users").then()
                .statusCode(400).body("message", containsString("level"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", unique("ok"), "email", "nope", "level", "show")).when().post("/api/iam/v1/users").then()
                .statusCode(400).body("message", containsString("email"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", "acme-viewer", "level", "show")).when().post("/api/iam/v1/users").then()
                .statusCode(409).body("code", equalTo("UserAlreadyExistsException"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "ci", "level", "deny")).when().post("/api/iam/v1/service-accounts").then()
                .statusCode(400).body("message", containsString("level"));
        // names in the path are checked before Keycloak is asked (it answered 400 with its own words)
        given().auth().oauth2(admin).urlEncodingEnabled(false).when().get("/api/iam/v1/users/%E2%9C%93%15").then()
                .statusCode(400).body("field", equalTo("username"));
        given().auth().oauth2(admin).urlEncodingEnabled(false).when().delete("/api/iam/v1/hosts/%E2%9C%93%15").then()
                .statusCode(400).body("field", equalTo("hostId"));
    }

    @Test
    void aServiceAccountLogsInWithItsSecretUntilRevoked() {
        String name = unique("ci");
        String secret = given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("name", name, "level", "deploy")).when().post("/api/iam/v1/service-accounts").then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("clientId", equalTo("acme-sa-" + name))
                .body("level", equalTo("deploy"))
                .extract().path("clientSecret");

        String token = Tokens.clientCredentials("acme-sa-" + name, secret);
        given().auth().oauth2(token).when().get("/api/gateway/v1/caller").then()
                .statusCode(200)
                .body("kind", equalTo("SERVICE_ACCOUNT"))
                .body("username", equalTo("acme-sa-" + name))
                .body("tenant", equalTo("acme"))
                .body("roles", equalTo(List.of("deployer")));

        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().get("/api/iam/v1/service-accounts").then()
                .statusCode(200)
                .body("serviceAccounts.find { it.name == '" + name + "' }.level", equalTo("deploy"))
                .body("serviceAccounts.find { it.name == '" + name + "' }.clientSecret", equalTo(null));
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when().get("/api/iam/v1/service-accounts").then()
                .statusCode(200).body("serviceAccounts.name", not(hasItem(name)));
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when().delete("/api/iam/v1/service-accounts/" + name).then()
                .statusCode(404);

        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().delete("/api/iam/v1/service-accounts/" + name).then()
                .statusCode(204);
        assertThrows(IllegalStateException.class, () -> Tokens.clientCredentials("acme-sa-" + name, secret));
    }
}
