package dev.berth.registry.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The registry's management API takes JSON bodies of at most 1 MiB, however they are sent; nothing is written otherwise. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RegistryJsonBodyLimitIT {

    private static final int LIMIT = 1024 * 1024;

    /** A CreateRepository body of {@code size} bytes naming {@code name}, padded with spaces. */
    private static byte[] body(String name, int size) {
        String json = "{\"repositoryName\":\"" + name + "\"}";
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedAndNothingIsCreated() {
        String name = "big-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(body(name, LIMIT + 1))
                .when().post("/api/registry/v1/repositories").then()
                .statusCode(413)
                .body("code", equalTo("RequestEntityTooLargeException"))
                .body("message", containsString("1048576 bytes"))
                .body("message", containsString("berth.registry.max-json-body-size"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .when().get("/api/registry/v1/repositories/" + name).then().statusCode(404);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndNothingIsCreated() {
        String name = "big-chunked-" + UUID.randomUUID().toString().substring(0, 8);
        // an InputStream body has no declared length: it is sent chunked
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(new ByteArrayInputStream(body(name, 2 * LIMIT)))
                .when().post("/api/registry/v1/repositories").then()
                .statusCode(413)
                .body("code", equalTo("RequestEntityTooLargeException"))
                .body("message", containsString("1048576 bytes"));
        given().auth().oauth2(Tokens.forDemoUser("acme-admin"))
                .when().get("/api/registry/v1/repositories/" + name).then().statusCode(404);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsTaken() {
        String name = "chunked-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(new ByteArrayInputStream(body(name, 1000)))
                .when().post("/api/registry/v1/repositories").then()
                .statusCode(201).body("repository.repositoryName", equalTo(name));
    }

    @Test
    void aBodyWithinTheLimitIsTaken() {
        String name = "padded-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(body(name, LIMIT))
                .when().post("/api/registry/v1/repositories").then()
                .statusCode(201);
    }
}
