package dev.berth.gateway.hosts;

import static io.restassured.RestAssured.given;
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
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler deregistered a host and has the gateway disable its client (platform services
 * only); a tenant admin's deregistration answers even when the scheduler cannot be told.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class HostCredentialsRevocationIT {

    @TempDir
    Path dir;

    private HostCredentials newHost(String name) {
        String token = given().auth().oauth2(Tokens.forDemoUser("acme-admin")).contentType("application/json")
                .body(Map.of("cluster", "prod", "maxUses", 1)).when().post("/api/iam/v1/registration-tokens").then()
                .statusCode(201).extract().path("token");
        return HostCredentials.register(URI.create("http://127.0.0.1:" + RestAssured.port), token, name,
                dir.resolve(name + ".json"));
    }

    @Test
    void onlyPlatformServicesRevokeAHostsCredentialsHere() {
        HostCredentials host = newHost("node-r1");
        String path = "/api/iam/v1/host-credentials/acme/" + host.hostId();
        new HostTokens(host).token();
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().delete(path).then().statusCode(403);
        given().auth().oauth2(new HostTokens(host).token()).when().delete(path).then().statusCode(403);
        given().auth().oauth2(Tokens.forPlatformService("scheduler")).when()
                .delete("/api/iam/v1/host-credentials/globex/" + host.hostId()).then().statusCode(404);
        given().auth().oauth2(Tokens.forPlatformService("scheduler")).when().delete(path).then().statusCode(204);
        assertThrows(HostAuthException.class, () -> new HostTokens(host).token());
        given().auth().oauth2(Tokens.forPlatformService("scheduler")).when().delete(path).then().statusCode(204);
    }

    @Test
    void anAdminsDeregistrationTakesEffectWhetherOrNotTheSchedulerCanBeTold() {
        HostCredentials host = newHost("node-r2");
        given().auth().oauth2(Tokens.forDemoUser("acme-admin")).when().delete("/api/iam/v1/hosts/" + host.hostId())
                .then().statusCode(204);
        assertThrows(HostAuthException.class, () -> new HostTokens(host).token());
    }
}
