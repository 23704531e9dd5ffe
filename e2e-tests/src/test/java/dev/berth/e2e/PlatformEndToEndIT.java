package dev.berth.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform as a user runs it: {@code ./platform up} from the built jars on real
 * PostgreSQL, Kafka and Keycloak, every call through the gateway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final String GATEWAY = "http://127.0.0.1:" + env("BERTH_GATEWAY_PORT", "8080");
    private static final Map<String, String> SERVICE_PORTS = Map.of(
            "gateway", env("BERTH_GATEWAY_PORT", "8080"),
            "registry", env("BERTH_REGISTRY_PORT", "8081"),
            "scheduler", env("BERTH_SCHEDULER_PORT", "8082"),
            "autoscaler", env("BERTH_AUTOSCALER_PORT", "8083"),
            "stacks", env("BERTH_STACKS_PORT", "8084"),
            "logs", env("BERTH_LOGS_PORT", "8085"));
    private static final Duration FAULT_DEADLINE = Duration.ofSeconds(60);
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(120);

    @BeforeAll
    static void platformIsUp() {
        LocalPlatform.ensureWholePlatform();
    }

    @Test
    @Order(1)
    void everyServiceAnswersAnAuthenticatedRequestThroughTheGateway() {
        String token = Tokens.forDemoUser("acme-admin");
        for (String service : LocalPlatform.SERVICES) {
            given().baseUri(GATEWAY).auth().oauth2(token).header("X-Request-Id", "e2e-" + service)
                    .when().get("/api/" + service + "/v1/caller")
                    .then().statusCode(200)
                    .header("X-Request-Id", "e2e-" + service)
                    .body("service", equalTo(service))
                    .body("username", equalTo("acme-admin"))
                    .body("tenant", equalTo("acme"))
                    .body("roles", equalTo(List.of("admin")));
        }
    }

    @Test
    @Order(1)
    void requestsWithoutAValidTokenAreRejectedWithJsonErrors() {
        for (String service : LocalPlatform.SERVICES) {
            given().baseUri(GATEWAY).when().get("/api/" + service + "/v1/caller")
                    .then().statusCode(401)
                    .body("code", equalTo("MissingAuthenticationTokenException"))
                    .body("requestId", notNullValue());
            given().baseUri(GATEWAY).auth().oauth2("not-a-token").when().get("/api/" + service + "/v1/caller")
                    .then().statusCode(401)
                    .body("code", equalTo("UnrecognizedClientException"));
        }
        given().baseUri(GATEWAY).when().get("/v2/").then().statusCode(401);
    }

    @Test
    @Order(1)
    void theGatewayReportsEveryServiceReady() {
        given().baseUri(GATEWAY).when().get("/q/health/group/services")
                .then().statusCode(200)
                .body("checks[0].data.registry", equalTo("UP"))
                .body("checks[0].data.scheduler", equalTo("UP"))
                .body("checks[0].data.autoscaler", equalTo("UP"))
                .body("checks[0].data.stacks", equalTo("UP"))
                .body("checks[0].data.logs", equalTo("UP"));
    }

    @Test
    @Order(2)
    void readinessFollowsTheKafkaBroker() {
        assertReadinessFollows("kafka");
    }

    @Test
    @Order(3)
    void readinessFollowsTheDatabase() {
        assertReadinessFollows("postgres");
        everyServiceAnswersAnAuthenticatedRequestThroughTheGateway();
    }

    /** Every service turns not-ready while the component is stopped and ready again, by itself, once it is back. */
    private static void assertReadinessFollows(String component) {
        assertEveryServiceReadiness(200, Duration.ofSeconds(10));
        LocalPlatform.stop(component);
        try {
            assertEveryServiceReadiness(503, FAULT_DEADLINE);
        } finally {
            LocalPlatform.start(component);
        }
        assertEveryServiceReadiness(200, RECOVERY_DEADLINE);
    }

    private static void assertEveryServiceReadiness(int expectedStatus, Duration within) {
        await().atMost(within).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Integer> statuses = SERVICE_PORTS.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey,
                    e -> given().baseUri("http://127.0.0.1:" + e.getValue()).when().get("/q/health/ready").statusCode()));
            Map<String, Integer> expected = SERVICE_PORTS.keySet().stream()
                    .collect(Collectors.toMap(s -> s, s -> expectedStatus));
            assertEquals(expected, statuses);
        });
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
