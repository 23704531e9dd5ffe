package dev.berth.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.common.hostauth.HostCredentials;
import dev.berth.common.hostauth.HostTokens;
import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.Tokens;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint, called through the gateway by every kind of caller, with the exact status
 * each must get. A new endpoint is one more {@code row(...)} in {@link #endpoints()}.
 */
class IsolationMatrixTest {

    enum Caller {
        ACME_ADMIN, ACME_DEPLOYER, ACME_VIEWER, GLOBEX_ADMIN, ACME_HOST, EXPIRED, FOREIGN_KEY, OTHER_REALM, ALG_NONE, NO_TOKEN
    }

    private static final String GATEWAY = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");
    private static final String KEYCLOAK = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180");
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

    /** Statuses in Caller order; expired, invalid and missing tokens always get 401, so rows list the first five. */
    private record Row(String method, String path, String body, int admin, int deployer, int viewer, int otherTenantAdmin,
                       int host) {

        int expected(Caller caller) {
            return switch (caller) {
                case ACME_ADMIN -> admin;
                case ACME_DEPLOYER -> deployer;
                case ACME_VIEWER -> viewer;
                case GLOBEX_ADMIN -> otherTenantAdmin;
                case ACME_HOST -> host;
                default -> 401;
            };
        }
    }

    private static Row row(String method, String path, String body, int admin, int deployer, int viewer,
                           int otherTenantAdmin, int host) {
        return new Row(method, path, body, admin, deployer, viewer, otherTenantAdmin, host);
    }

    static List<Row> endpoints() {
        List<Row> rows = new ArrayList<>();
        for (String service : LocalPlatform.SERVICES) {
            rows.add(row("GET", "/api/" + service + "/v1/caller", null, 200, 200, 200, 200, 200));
        }
        rows.add(row("GET", "/api/iam/v1/users", null, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/api/iam/v1/users/acme-viewer", null, 200, 403, 403, 404, 403));
        rows.add(row("PUT", "/api/iam/v1/users/acme-viewer/level", "{\"level\":\"show\"}", 200, 403, 403, 404, 403));
        rows.add(row("POST", "/api/iam/v1/users", "{\"level\":\"show\"}", 400, 403, 403, 400, 403));
        rows.add(row("GET", "/api/iam/v1/service-accounts", null, 200, 403, 403, 200, 403));
        rows.add(row("POST", "/api/iam/v1/service-accounts", "{\"name\":\"x\"}", 400, 403, 403, 400, 403));
        rows.add(row("DELETE", "/api/iam/v1/service-accounts/no-such-account", null, 404, 403, 403, 404, 403));
        rows.add(row("GET", "/api/iam/v1/registration-tokens", null, 200, 403, 403, 200, 403));
        rows.add(row("POST", "/api/iam/v1/registration-tokens", "{\"cluster\":\"matrix\"}", 201, 403, 403, 201, 403));
        rows.add(row("DELETE", "/api/iam/v1/registration-tokens/00000000-0000-0000-0000-000000000000", null,
                404, 403, 403, 404, 403));
        rows.add(row("DELETE", "/api/iam/v1/hosts/h-000000000000", null, 404, 403, 403, 404, 403));
        return rows;
    }

    @BeforeAll
    static void callers() throws Exception {
        LocalPlatform.ensureWholePlatform();
        TOKENS.put(Caller.ACME_ADMIN, Tokens.forDemoUser("acme-admin"));
        TOKENS.put(Caller.ACME_DEPLOYER, Tokens.forDemoUser("acme-deployer"));
        TOKENS.put(Caller.ACME_VIEWER, Tokens.forDemoUser("acme-viewer"));
        TOKENS.put(Caller.GLOBEX_ADMIN, Tokens.forDemoUser("globex-admin"));
        TOKENS.put(Caller.ACME_HOST, hostToken());
        TOKENS.put(Caller.EXPIRED, expiredToken());
        String issuer = KEYCLOAK + "/realms/berth";
        TOKENS.put(Caller.FOREIGN_KEY, ForgedTokens.signedByAnotherKey(issuer, ForgedTokens.kidOf(TOKENS.get(Caller.ACME_ADMIN))));
        TOKENS.put(Caller.OTHER_REALM, masterRealmToken());
        TOKENS.put(Caller.ALG_NONE, ForgedTokens.unsigned(issuer));
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsExactlyItsStatus() {
        return endpoints().stream().flatMap(row -> Stream.of(Caller.values()).map(caller ->
                DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + caller, () -> {
                    var request = given().baseUri(GATEWAY).contentType("application/json");
                    if (TOKENS.containsKey(caller)) {
                        request = request.auth().oauth2(TOKENS.get(caller));
                    }
                    if (row.body() != null) {
                        request = request.body(row.body());
                    }
                    int status = request.when().request(row.method(), row.path()).statusCode();
                    assertEquals(row.expected(caller), status, row.method() + " " + row.path() + " as " + caller);
                })));
    }

    private static String hostToken() throws Exception {
        String registrationToken = given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .contentType("application/json").body("{\"cluster\":\"matrix\"}")
                .when().post("/api/iam/v1/registration-tokens").then().statusCode(201).extract().path("token");
        var file = Files.createTempDirectory("matrix-host").resolve("credentials.json");
        return new HostTokens(HostCredentials.register(URI.create(GATEWAY), registrationToken, "matrix", file)).token();
    }

    /**
     * A genuine token of the berth realm for an acme admin-level client whose tokens live one
     * second, used after it has expired. The client is removed again.
     */
    private static String expiredToken() throws Exception {
        String clientId = "matrix-expiring-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        String location = given().baseUri(KEYCLOAK).auth().oauth2(masterRealmToken()).contentType("application/json")
                .body(Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false, "secret", secret,
                        "attributes", Map.of("access.token.lifespan", "1"),
                        "protocolMappers", List.of(Map.of("name", "tenant", "protocol", "openid-connect",
                                "protocolMapper", "oidc-hardcoded-claim-mapper",
                                "config", Map.of("claim.name", "tenant", "claim.value", "acme",
                                        "jsonType.label", "String", "access.token.claim", "true")))))
                .when().post("/admin/realms/berth/clients").then().statusCode(201).extract().header("Location");
        String token = Tokens.clientCredentials(clientId, secret);
        given().auth().oauth2(masterRealmToken()).when().delete(location).then().statusCode(204);
        Thread.sleep(2_500);
        return token;
    }

    /** A genuine Keycloak token, but of the master realm: not Berth's. */
    private static String masterRealmToken() {
        return given().baseUri(KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", System.getenv().getOrDefault("BERTH_KEYCLOAK_ADMIN_PASSWORD", "berth-admin"))
                .when().post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
