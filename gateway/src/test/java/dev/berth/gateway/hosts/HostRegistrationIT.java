package dev.berth.gateway.hosts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.agent.hostauth.HostAuthException;
import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.agent.hostauth.HostTokens;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host role tokens end to end: registration token → host client → host tokens → deregistration. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class HostRegistrationIT {

    @TempDir
    Path dir;

    private static URI gateway() {
        return URI.create("http://127.0.0.1:" + RestAssured.port);
    }

    private static String registrationToken(String admin, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.forDemoUser(admin)).contentType("application/json").body(body)
                .when().post("/api/iam/v1/registration-tokens").then()
                .statusCode(201)
                .body("token", startsWith("brt_"))
                .extract().path("token");
    }

    @Test
    void aHostRegistersOnceAndActsAsItself() throws Exception {
        String token = registrationToken("acme-admin", Map.of("cluster", "prod", "maxUses", 1));
        Path file = dir.resolve("agent/credentials.json");

        HostCredentials credentials = HostCredentials.register(gateway(), token, "node-1", file);
        assertEquals("acme", credentials.tenant());
        assertEquals("prod", credentials.cluster());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(credentials, HostCredentials.load(file));

        HostTokens tokens = new HostTokens(credentials);
        String hostToken = tokens.token();
        assertSame(hostToken, tokens.token(), "a valid token is reused, not fetched again");
        given().auth().oauth2(hostToken).when().get("/api/gateway/v1/caller").then()
                .statusCode(200)
                .body("kind", equalTo("HOST"))
                .body("tenant", equalTo("acme"))
                .body("roles", equalTo(List.of("host")));

        // a host has no general access: it cannot administer anything
        given().auth().oauth2(hostToken).when().get("/api/iam/v1/users").then().statusCode(403);

        // the token was for one use only
        assertThrows(HostAuthException.class,
                () -> HostCredentials.register(gateway(), token, "node-2", dir.resolve("other.json")));

        // another tenant cannot deregister it; its own admin can, and then it gets no more tokens
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when()
                .delete("/api/iam/v1/hosts/" + credentials.hostId()).then().statusCode(404);
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when()
                .delete("/api/iam/v1/hosts/" + credentials.hostId()).then().statusCode(204);
        assertThrows(HostAuthException.class, () -> new HostTokens(credentials).token());
    }

    @Test
    void aRevokedTokenRegistersNothing() {
        String cluster = "staging-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String token = registrationToken("acme-admin", Map.of("cluster", cluster, "maxUses", 5));
        String id = given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when()
                .get("/api/iam/v1/registration-tokens").then().statusCode(200)
                .extract().path("registrationTokens.find { it.cluster == '" + cluster + "' }.id");
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when()
                .delete("/api/iam/v1/registration-tokens/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when()
                .delete("/api/iam/v1/registration-tokens/" + id).then().statusCode(204);
        assertThrows(HostAuthException.class,
                () -> HostCredentials.register(gateway(), token, "node-3", dir.resolve("c.json")));
        given().contentType("application/json").body(Map.of("registrationToken", "brt_forged"))
                .when().post("/api/iam/v1/host-registrations").then()
                .statusCode(401).body("code", equalTo("InvalidRegistrationTokenException"));
    }

    @Test
    void onlyAdminsIssueTokensAndBadLimitsAreRejected() {
        given().auth().oauth2(Tokens.forDemoUser("acme-deployer")).contentType("application/json")
                .body(Map.of("cluster", "prod")).when().post("/api/iam/v1/registration-tokens").then()
                .statusCode(403);
        String admin = Tokens.forDemoUser("acme-admin");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("cluster", "no spaces"), Map.of("cluster", "prod", "maxUses", 0),
                Map.of("cluster", "prod", "expiresInSeconds", 5))) {
            given().auth().oauth2(admin).contentType("application/json").body(bad)
                    .when().post("/api/iam/v1/registration-tokens").then()
                    .statusCode(400).body("code", equalTo("InvalidParameterException"));
        }
        given().auth().oauth2(Tokens.forDemoUser("globex-admin")).when().get("/api/iam/v1/registration-tokens").then()
                .statusCode(200).body("registrationTokens.cluster", not(hasItem("prod")));
    }
}
