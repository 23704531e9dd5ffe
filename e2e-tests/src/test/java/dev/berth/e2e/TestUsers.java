package dev.berth.e2e;

import static io.restassured.RestAssured.given;

import dev.berth.testsupport.PlatformSecrets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * People of the berth realm made for one test through Keycloak's admin API, so a test that
 * guesses passwords locks out only its own user (the realm has brute-force protection).
 */
final class TestUsers {

    static final String KEYCLOAK = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180");

    private TestUsers() {
    }

    /** A user of no tenant with a permanent password; returns its username. */
    static String create(String prefix, String password) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(KEYCLOAK).auth().oauth2(masterAdminToken()).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "email", username + "@test.example",
                        "emailVerified", true, "firstName", "Test", "lastName", "User",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .when().post("/admin/realms/berth/users").then().statusCode(201);
        return username;
    }

    static String masterAdminToken() {
        return given().baseUri(KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", PlatformSecrets.read("keycloak-admin"))
                .when().post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
