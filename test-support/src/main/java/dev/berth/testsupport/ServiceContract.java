package dev.berth.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * What every Berth service promises, checked against the service running in the test JVM on
 * the real local PostgreSQL, Kafka and Keycloak. A service's test extends this class, is
 * annotated {@code @QuarkusTest @QuarkusTestResource(BerthInfrastructure.class)}, and passes
 * its name.
 */
public abstract class ServiceContract {

    private final String service;

    @Inject
    AgroalDataSource dataSource;

    protected ServiceContract(String service) {
        this.service = service;
    }

    private String callerPath() {
        return "/api/" + service + "/v1/caller";
    }

    @Test
    void readinessChecksDatabaseKafkaAndKeycloak() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(
                        "Database connections health check",
                        "Reactive PostgreSQL connections health check",
                        "Kafka broker",
                        "OIDC Provider Health Check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesOpenApiAndMetrics() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", notNullValue())
                .body("paths.keySet()", hasItem("/api/{service}/v1/caller"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void rejectsRequestWithoutTokenWithJsonError() {
        given().header("X-Request-Id", "test-request-1").when().get(callerPath()).then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("MissingAuthenticationTokenException"))
                .body("requestId", equalTo("test-request-1"));
    }

    @Test
    void rejectsForgedToken() {
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5IiwidGVuYW50IjoiYWNtZSJ9.c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get(callerPath()).then()
                .statusCode(401)
                .body("code", equalTo("UnrecognizedClientException"))
                .body("requestId", notNullValue());
    }

    @Test
    void rejectsUnknownPathsWithoutTokenToo() {
        given().when().get("/api/" + service + "/v1/does-not-exist").then().statusCode(401);
    }

    @Test
    void answersAnAuthenticatedCallerWithItsTenantAndRoles() {
        given().auth().oauth2(Tokens.forDemoUser("acme-deployer")).when().get(callerPath()).then()
                .statusCode(200)
                .body("service", equalTo(service))
                .body("username", equalTo("acme-deployer"))
                .body("tenant", equalTo("acme"))
                .body("kind", equalTo("USER"))
                .body("roles", equalTo(java.util.List.of("deployer")));
        given().auth().oauth2(Tokens.forDemoUser("globex-viewer")).when().get(callerPath()).then()
                .statusCode(200)
                .body("tenant", equalTo("globex"))
                .body("roles", equalTo(java.util.List.of("viewer")));
    }

    @Test
    void anotherServicesPathIsNotFoundEvenWithAToken() {
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().get("/api/not-" + service + "/v1/caller").then()
                .statusCode(404)
                .body("code", equalTo("ResourceNotFoundException"));
    }

    @Test
    void migratesItsOwnSchemaAtStart() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + service
                             + "' AND table_name IN ('flyway_schema_history', 'processed_message')")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1), "schema " + service + " must hold the Flyway history and processed_message");
        }
    }
}
