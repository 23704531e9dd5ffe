package dev.berth.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code podman login} and {@code skopeo login} against the gateway, the real clients finding
 * the token endpoint through the registry's challenge.
 */
class RegistryLoginIT {

    private static final String GATEWAY_PORT = System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");
    private static final String GATEWAY = "http://127.0.0.1:" + GATEWAY_PORT;
    private static final String REGISTRY = "127.0.0.1:" + GATEWAY_PORT;
    private static String name;
    private static String clientId;
    private static String secret;
    /** Guessing locks a user out for a while: the wrong passwords go to a user of this test's own. */
    private static String guessedUser;

    @BeforeAll
    static void serviceAccount() {
        LocalPlatform.ensureWholePlatform();
        name = "ci-login-" + UUID.randomUUID().toString().substring(0, 8);
        Map<?, ?> created = given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .contentType("application/json").body(Map.of("name", name, "level", "deploy"))
                .when().post("/api/iam/v1/service-accounts").then().statusCode(201).extract().as(Map.class);
        clientId = (String) created.get("clientId");
        secret = (String) created.get("clientSecret");
        guessedUser = TestUsers.create("login-guess", UUID.randomUUID().toString());
    }

    @AfterAll
    static void removeServiceAccount() {
        given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .when().delete("/api/iam/v1/service-accounts/" + name).then().statusCode(204);
    }

    private static Commands.Result login(String client, String user, String password) throws IOException {
        Path authFile = Files.createTempDirectory("berth-login").resolve("auth.json");
        return Commands.run(null, password, 60, List.of(client, "login", "--tls-verify=false", "--authfile",
                authFile.toString(), "--username", user, "--password-stdin", REGISTRY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"podman", "skopeo"})
    void aServiceAccountLogsInWithItsClientIdAndSecret(String client) throws Exception {
        Commands.Result run = login(client, clientId, secret);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Login Succeeded"), run.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"podman", "skopeo"})
    void aPersonLogsInWithUsernameAndPassword(String client) throws Exception {
        Commands.Result run = login(client, "acme-viewer", Tokens.DEMO_PASSWORD);
        assertEquals(0, run.exitCode(), run.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"podman", "skopeo"})
    void aWrongSecretIsRefused(String client) throws Exception {
        for (List<String> credentials : List.of(List.of(clientId, "wrong"), List.of(guessedUser, "wrong"))) {
            Commands.Result run = login(client, credentials.get(0), credentials.get(1));
            assertNotEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("invalid username/password"), run.output());
        }
    }
}
