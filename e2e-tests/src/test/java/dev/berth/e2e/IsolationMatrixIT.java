package dev.berth.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.agent.hostauth.HostTokens;
import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.TestClients;
import dev.berth.testsupport.Tokens;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint, called through the gateway by every kind of caller, with the exact status
 * each must get. A new endpoint is one more {@code row(...)} in {@link #endpoints()}.
 */
class IsolationMatrixIT {

    enum Caller {
        ACME_ADMIN, ACME_DEPLOYER, ACME_VIEWER, GLOBEX_ADMIN, ACME_HOST, ACME_TASK, PLATFORM_SERVICE,
        EXPIRED, FOREIGN_KEY, OTHER_REALM, WRONG_AUDIENCE, ALG_NONE, NO_TOKEN
    }

    private static final String GATEWAY = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");
    private static final String KEYCLOAK = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_KEYCLOAK_PORT", "8180");
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    /** A call that never gets an answer fails its case instead of hanging the suite. */
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000));
    /** A task role of acme (scopes api:read, registry:pull:acme/app, logs:write:matrix-*) and a task running with it on the matrix host. */
    private static final String TASK_ROLE = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String LOG_GROUP = "matrix-app";
    private static final String TASK_ID = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    /** An image repository of acme, created by the first push in {@link #callers()}. */
    private static final String REPOSITORY = "acme/matrix-" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * Statuses in Caller order; expired, invalid and missing tokens always get 401, so rows list
     * the first seven. The task runs with a role granting {@code api:read}; the platform service
     * is the scheduler's own service account.
     */
    private record Row(String method, String path, String body, int admin, int deployer, int viewer, int otherTenantAdmin,
                       int host, int task, int service, int noToken) {

        /** For the few paths open without a token: what a call without one gets. */
        Row withoutToken(int status) {
            return new Row(method, path, body, admin, deployer, viewer, otherTenantAdmin, host, task, service, status);
        }

        int expected(Caller caller) {
            return switch (caller) {
                case ACME_ADMIN -> admin;
                case ACME_DEPLOYER -> deployer;
                case ACME_VIEWER -> viewer;
                case GLOBEX_ADMIN -> otherTenantAdmin;
                case ACME_HOST -> host;
                case ACME_TASK -> task;
                case PLATFORM_SERVICE -> service;
                case NO_TOKEN -> noToken;
                default -> 401;
            };
        }
    }

    private static Row row(String method, String path, String body, int admin, int deployer, int viewer,
                           int otherTenantAdmin, int host, int task, int service) {
        return new Row(method, path, body, admin, deployer, viewer, otherTenantAdmin, host, task, service, 401);
    }

    static List<Row> endpoints() {
        List<Row> rows = new ArrayList<>();
        for (String service : LocalPlatform.SERVICES) {
            rows.add(row("GET", "/api/" + service + "/v1/caller", null, 200, 200, 200, 200, 200, 200, 200));
        }
        //                                                                 admin depl  view  globex host task  service
        rows.add(row("GET", "/api/iam/v1/users", null,                       200, 403, 403, 200, 403, 403, 403));
        rows.add(row("GET", "/api/iam/v1/users/acme-viewer", null,           200, 403, 403, 404, 403, 403, 403));
        rows.add(row("PUT", "/api/iam/v1/users/acme-viewer/level", "{\"level\":\"show\"}",
                                                                             200, 403, 403, 404, 403, 403, 403));
        rows.add(row("POST", "/api/iam/v1/users", "{\"level\":\"show\"}",      400, 403, 403, 400, 403, 403, 403));
        rows.add(row("GET", "/api/iam/v1/service-accounts", null,            200, 403, 403, 200, 403, 403, 403));
        rows.add(row("POST", "/api/iam/v1/service-accounts", "{\"name\":\"x\"}",
                                                                             400, 403, 403, 400, 403, 403, 403));
        rows.add(row("DELETE", "/api/iam/v1/service-accounts/no-such-account", null,
                                                                             404, 403, 403, 404, 403, 403, 403));
        rows.add(row("GET", "/api/iam/v1/registration-tokens", null,         200, 403, 403, 200, 403, 403, 403));
        rows.add(row("POST", "/api/iam/v1/registration-tokens", "{\"cluster\":\"matrix\"}",
                                                                             201, 403, 403, 201, 403, 403, 403));
        rows.add(row("DELETE", "/api/iam/v1/registration-tokens/00000000-0000-0000-0000-000000000000", null,
                                                                             404, 403, 403, 404, 403, 403, 403));
        rows.add(row("DELETE", "/api/iam/v1/hosts/h-000000000000", null,     404, 403, 403, 404, 403, 403, 403));
        // internal: revocations between the gateway and the scheduler are for platform services only
        rows.add(row("DELETE", "/api/iam/v1/host-credentials/acme/h-000000000000", null,
                                                                             403, 403, 403, 403, 403, 403, 404));
        rows.add(row("DELETE", "/api/scheduler/v1/internal/hosts/acme/h-000000000000", null,
                                                                             403, 403, 403, 403, 403, 403, 204));
        // only a platform operator may let a cluster run host-network or privileged containers
        rows.add(row("PUT", "/api/scheduler/v1/clusters/matrix/security-settings", "{\"allowPrivilegedContainers\":true}",
                                                                             403, 403, 403, 403, 403, 403, 403));
        rows.add(row("GET", "/api/iam/v1/task-roles", null,                  200, 200, 200, 200, 403, 200, 403));
        rows.add(row("GET", "/api/iam/v1/task-roles/" + TASK_ROLE, null,     200, 200, 200, 404, 403, 200, 403));
        rows.add(row("POST", "/api/iam/v1/task-roles", "{\"name\":\"x\"}",   400, 403, 403, 400, 403, 403, 403));
        rows.add(row("PUT", "/api/iam/v1/task-roles/no-such-role", "{\"scopes\":[\"api:read\"]}",
                                                                             404, 403, 403, 404, 403, 403, 403));
        rows.add(row("DELETE", "/api/iam/v1/task-roles/no-such-role", null,  404, 403, 403, 404, 403, 403, 403));
        rows.add(row("GET", "/api/iam/v1/task-credentials/" + TASK_ID, null, 404, 404, 404, 404, 200, 404, 200));
        rows.add(row("PUT", "/api/iam/v1/task-credentials/matrix-unbound", "{}",
                                                                             403, 403, 403, 403, 403, 403, 400));
        rows.add(row("DELETE", "/api/iam/v1/task-credentials/no-such-task", null,
                                                                             403, 403, 403, 403, 403, 403, 204));
        rows.add(row("POST", "/api/iam/v1/host-registrations", "{}",         400, 400, 400, 400, 400, 400, 400)
                .withoutToken(400));
        rows.add(row("GET", "/openapi", null,                                200, 200, 200, 200, 200, 200, 200)
                .withoutToken(200));
        rows.add(row("GET", "/v2/", null,                                    200, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET", "/v2/token?service=berth-registry&scope=repository:acme/app:pull", null,
                                                                             200, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET", "/api/registry/v1/repositories", null,           200, 200, 200, 200, 403, 200, 403));
        rows.add(row("GET", "/api/registry/v1/repositories/" + REPOSITORY.substring(5), null,
                                                                             200, 200, 200, 404, 403, 200, 403));
        rows.add(row("POST", "/api/registry/v1/repositories", "{\"repositoryName\":\"Bad Name\"}",
                                                                             400, 400, 403, 400, 403, 403, 403));
        rows.add(row("GET", "/api/registry/v1/repositories/" + REPOSITORY.substring(5) + "/images", null,
                                                                             200, 200, 200, 404, 403, 200, 403));
        rows.add(row("DELETE", "/api/registry/v1/repositories/no-such-repository", null,
                                                                             404, 403, 403, 404, 403, 403, 403));
        rows.add(row("GET", "/api/scheduler/v1/clusters", null,              200, 200, 200, 200, 403, 200, 403));
        rows.add(row("GET", "/api/scheduler/v1/clusters/no-such-cluster", null,
                                                                             404, 404, 404, 404, 403, 404, 403));
        rows.add(row("POST", "/api/scheduler/v1/clusters", "{\"clusterName\":\"bad name\"}",
                                                                             400, 403, 403, 400, 403, 403, 403));
        rows.add(row("DELETE", "/api/scheduler/v1/clusters/no-such-cluster", null,
                                                                             404, 403, 403, 404, 403, 403, 403));
        rows.add(row("GET", "/api/scheduler/v1/task-definitions", null,      200, 200, 200, 200, 403, 200, 403));
        rows.add(row("GET", "/api/scheduler/v1/task-definitions/no-such-family", null,
                                                                             404, 404, 404, 404, 403, 404, 403));
        rows.add(row("POST", "/api/scheduler/v1/task-definitions", "{\"family\":\"Bad Name\"}",
                                                                             400, 400, 403, 400, 403, 403, 403));
        rows.add(row("DELETE", "/api/scheduler/v1/task-definitions/no-such-family:1", null,
                                                                             404, 404, 403, 404, 403, 403, 403));
        String cluster = "/api/scheduler/v1/clusters/no-such-cluster";
        rows.add(row("GET", cluster + "/tasks", null,                         404, 404, 404, 404, 403, 404, 403));
        rows.add(row("POST", cluster + "/tasks", "{\"taskDefinition\":\"x\"}",
                                                                             404, 404, 403, 404, 403, 403, 403));
        rows.add(row("GET", cluster + "/container-instances", null,           404, 404, 404, 404, 403, 404, 403));
        rows.add(row("POST", cluster + "/container-instances/state",
                "{\"containerInstances\":[\"h-1\"],\"status\":\"DRAINING\"}",
                                                                             404, 403, 403, 404, 403, 403, 403));
        rows.add(row("GET", cluster + "/services", null,                      404, 404, 404, 404, 403, 404, 403));
        rows.add(row("POST", cluster + "/services", "{\"serviceName\":\"s\",\"taskDefinition\":\"x\"}",
                                                                             404, 404, 403, 404, 403, 403, 403));
        rows.add(row("POST", cluster + "/placement-plans", "{\"taskDefinition\":\"x\"}",
                                                                             404, 404, 404, 404, 403, 404, 403));
        rows.add(row("GET", cluster + "/scheduled-tasks", null,               404, 404, 404, 404, 403, 404, 403));
        // tags (TagResource, UntagResource, ListTagsForResource): another tenant's ARN is not found
        String arn = "arn:berth:ecs::acme:cluster/no-such-cluster";
        rows.add(row("GET", "/api/scheduler/v1/tags?resourceArn=" + arn.replace(":", "%3A").replace("/", "%2F"), null,
                                                                             404, 404, 404, 404, 403, 404, 403));
        rows.add(row("POST", "/api/scheduler/v1/tags", "{\"resourceArn\":\"" + arn + "\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}",
                                                                             404, 404, 403, 404, 403, 403, 403));
        rows.add(row("POST", "/api/scheduler/v1/tags/untag", "{\"resourceArn\":\"" + arn + "\",\"tagKeys\":[\"k\"]}",
                                                                             404, 404, 403, 404, 403, 403, 403));
        // the agent channel opens for host tokens only (a plain GET from a host is told to upgrade)
        rows.add(row("GET", "/api/agent/v1/connect", null,                    403, 403, 403, 403, 400, 403, 403));
        rows.add(row("GET", "/v2/" + REPOSITORY + "/tags/list", null,       200, 200, 200, 404, 200, 403, 404));
        rows.add(row("GET", "/v2/" + REPOSITORY + "/manifests/nope", null,  404, 404, 404, 404, 404, 403, 404));
        rows.add(row("POST", "/v2/" + REPOSITORY + "/blobs/uploads/", null, 202, 202, 403, 404, 403, 403, 404));
        rows.add(row("DELETE", "/v2/" + REPOSITORY + "/manifests/nope", null,
                                                                             404, 403, 403, 404, 403, 403, 404));
        String group = "/api/logs/v1/log-groups/" + LOG_GROUP;
        String putEvents = "{\"logEvents\":[{\"timestamp\":" + System.currentTimeMillis() + ",\"message\":\"matrix\"}]}";
        rows.add(row("GET", "/api/logs/v1/log-groups", null,                 200, 200, 200, 200, 403, 200, 403));
        rows.add(row("GET", group, null,                                      200, 200, 200, 404, 403, 200, 403));
        rows.add(row("POST", "/api/logs/v1/log-groups", "{\"logGroupName\":\"bad name\"}",
                                                                             400, 403, 403, 400, 403, 403, 403));
        rows.add(row("DELETE", "/api/logs/v1/log-groups/matrix-nope", null,  404, 403, 403, 404, 403, 403, 403));
        // the task's role grants logs:write:matrix-* : it may put events, as the deployer may
        rows.add(row("POST", group + "/streams/s/events", putEvents,          200, 200, 403, 404, 403, 200, 403));
        rows.add(row("POST", group + "/events:filter", "{}",                  200, 200, 200, 404, 403, 200, 403));
        rows.add(row("GET", "/api/logs/v1/metric-filters", null,              200, 200, 200, 200, 403, 200, 403));
        // the audit trail is the platform's: nobody writes, deletes or shortens /berth/ groups through the API
        String audit = "/api/logs/v1/log-groups/%2Fberth%2Faudit";
        rows.add(row("POST", audit + "/streams/forged/events", putEvents,      400, 400, 403, 400, 403, 403, 403));
        rows.add(row("POST", "/api/logs/v1/log-groups", "{\"logGroupName\":\"/berth/forged\"}",
                                                                             400, 403, 403, 400, 403, 403, 403));
        rows.add(row("DELETE", audit, null,                                   400, 403, 403, 400, 403, 403, 403));
        rows.add(row("PUT", audit + "/retention-policy", "{\"retentionInDays\":1}",
                                                                             400, 403, 403, 400, 403, 403, 403));
        return rows;
    }

    @BeforeAll
    static void callers() throws Exception {
        LocalPlatform.ensureWholePlatform();
        TOKENS.put(Caller.ACME_ADMIN, Tokens.forDemoUser("acme-admin"));
        TOKENS.put(Caller.ACME_DEPLOYER, Tokens.forDemoUser("acme-deployer"));
        TOKENS.put(Caller.ACME_VIEWER, Tokens.forDemoUser("acme-viewer"));
        TOKENS.put(Caller.GLOBEX_ADMIN, Tokens.forDemoUser("globex-admin"));
        HostCredentials host = registerHost();
        TOKENS.put(Caller.ACME_HOST, new HostTokens(host).token());
        TOKENS.put(Caller.PLATFORM_SERVICE, Tokens.forPlatformService("scheduler"));
        TOKENS.put(Caller.ACME_TASK, taskToken(host));
        var admin = given().baseUri(GATEWAY).auth().oauth2(TOKENS.get(Caller.ACME_ADMIN)).contentType("application/json");
        admin.body(Map.of("logGroupName", LOG_GROUP)).post("/api/logs/v1/log-groups"); // there already after a first run
        given().baseUri(GATEWAY).auth().oauth2(TOKENS.get(Caller.ACME_ADMIN)).contentType("application/json")
                .body(Map.of("logStreamName", "s")).post("/api/logs/v1/log-groups/" + LOG_GROUP + "/streams");
        given().baseUri(GATEWAY).auth().oauth2(TOKENS.get(Caller.ACME_ADMIN))
                .when().post("/v2/" + REPOSITORY + "/blobs/uploads/").then().statusCode(202);
        TOKENS.put(Caller.EXPIRED, expiredToken());
        String issuer = KEYCLOAK + "/realms/berth";
        TOKENS.put(Caller.FOREIGN_KEY, ForgedTokens.signedByAnotherKey(issuer, ForgedTokens.kidOf(TOKENS.get(Caller.ACME_ADMIN))));
        TOKENS.put(Caller.OTHER_REALM, masterRealmToken());
        TOKENS.put(Caller.WRONG_AUDIENCE, tokenForAnotherClient());
        TOKENS.put(Caller.ALG_NONE, ForgedTokens.unsigned(issuer));
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsExactlyItsStatus() {
        return endpoints().stream().flatMap(row -> Stream.of(Caller.values()).map(caller ->
                DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + caller, () -> {
                    // paths are written as sent (names with '/' already as %2F)
                    var request = given().baseUri(GATEWAY).config(TIMEOUTS).urlEncodingEnabled(false)
                            .contentType("application/json");
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

    @AfterAll
    static void stopTheTask() {
        given().baseUri(GATEWAY).auth().oauth2(Tokens.forPlatformService("scheduler"))
                .when().delete("/api/iam/v1/task-credentials/" + TASK_ID).then().statusCode(204);
        given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .when().delete("/api/iam/v1/task-roles/" + TASK_ROLE).then().statusCode(204);
    }

    /** The token the matrix host fetches for a task it runs, as its agent will. */
    private static String taskToken(HostCredentials host) {
        given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("name", TASK_ROLE, "scopes", List.of("api:read", "registry:pull:acme/app", "logs:write:matrix-*")))
                .when().post("/api/iam/v1/task-roles").then().statusCode(201);
        given().baseUri(GATEWAY).auth().oauth2(TOKENS.get(Caller.PLATFORM_SERVICE)).contentType("application/json")
                .body(Map.of("tenant", "acme", "taskRole", TASK_ROLE, "cluster", host.cluster(), "hostId", host.hostId()))
                .when().put("/api/iam/v1/task-credentials/" + TASK_ID).then().statusCode(201);
        return given().baseUri(GATEWAY).auth().oauth2(TOKENS.get(Caller.ACME_HOST))
                .when().get("/api/iam/v1/task-credentials/" + TASK_ID).then().statusCode(200)
                .extract().path("token");
    }

    private static HostCredentials registerHost() throws Exception {
        String registrationToken = given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .contentType("application/json").body("{\"cluster\":\"matrix\"}")
                .when().post("/api/iam/v1/registration-tokens").then().statusCode(201).extract().path("token");
        var file = Files.createTempDirectory("matrix-host").resolve("credentials.json");
        return HostCredentials.register(URI.create(GATEWAY), registrationToken, "matrix", file);
    }

    /**
     * A genuine token of the berth realm for an acme admin-level client whose tokens live one
     * second, used after it has expired. The client is removed again.
     */
    private static String expiredToken() throws Exception {
        TestClients.Client client = TestClients.create("matrix-expiring-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of("tenant", "acme"), "admin", Map.of(), 1);
        String token = client.token();
        TestClients.delete(client);
        Thread.sleep(2_500);
        return token;
    }

    /** A genuine Keycloak token, but of the master realm: not Berth's. */
    private static String masterRealmToken() {
        return TestUsers.masterAdminToken();
    }

    /**
     * A genuine token of the berth realm with the acme admin's roles and tenant, but issued to
     * Keycloak's own {@code admin-cli} client: it does not name Berth as its audience.
     */
    private static String tokenForAnotherClient() {
        return given().baseUri(KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "acme-admin").formParam("password", Tokens.DEMO_PASSWORD)
                .when().post("/realms/berth/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
