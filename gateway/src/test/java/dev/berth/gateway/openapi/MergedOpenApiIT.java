package dev.berth.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class MergedOpenApiIT {

    @Test
    void servesOneDocumentWithoutAToken() {
        given().when().get("/openapi").then()
                .statusCode(200)
                .body("info.title", org.hamcrest.Matchers.equalTo("Berth API"))
                .body("paths.keySet()", hasItems("/api/iam/v1/users", "/api/iam/v1/service-accounts",
                        "/api/iam/v1/registration-tokens", "/api/{service}/v1/caller"));
    }

    @Test
    void aHostHeaderSteersNeitherWhatIsFetchedNorServers() {
        // a client-chosen Host must not make the gateway fetch from there, nor be written back as the server
        given().header("Host", "attacker.invalid:9").when().get("/openapi").then()
                .statusCode(200)
                .body("info.title", org.hamcrest.Matchers.equalTo("Berth API"))
                .body("paths.keySet()", hasItems("/api/iam/v1/users"))
                .body("servers.url", org.hamcrest.Matchers.contains("https://berth.test.example"));
    }

    @Test
    void leavesOutAServiceDocumentOverTheSizeLimit() {
        // the registry here is the echo backend, whose document is 5 MiB
        given().when().get("/openapi").then()
                .statusCode(200)
                .body("x-berth-unavailable-services", hasItems("registry"))
                .body("paths.keySet()", org.hamcrest.Matchers.not(hasItems("/echo/oversized")));
    }

    @Test
    void servesSwaggerUiOverIt() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
