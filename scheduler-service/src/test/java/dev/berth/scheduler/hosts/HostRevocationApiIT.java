package dev.berth.scheduler.hosts;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.channel;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.testsupport.TestClients;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import dev.berth.testsupport.TestHosts;
import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A host whose credentials are taken away loses its channel within seconds and gets no more tasks. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class HostRevocationApiIT {

    private static final ScriptedHost.Spec SPEC = new ScriptedHost.Spec(1024, 1024, Map.of());

    @Test
    void theGatewaysRevocationClosesTheChannelAndEndsTheHost() {
        String cluster = newCluster();
        HostCredentials credentials = TestHosts.register("acme", cluster);
        String internal = "/api/scheduler/v1/internal/hosts/acme/" + credentials.hostId();
        try (ScriptedHost host = ScriptedHost.connect(channel(), credentials, SPEC)) {
            as("acme-admin").delete(internal).then().statusCode(403);
            long asked = System.nanoTime();
            given().auth().oauth2(Tokens.forPlatformService("gateway")).delete(internal).then().statusCode(204);
            host.await("refused", () -> !host.refusals().isEmpty(), Duration.ofSeconds(5));
            assertTrue(System.nanoTime() - asked < Duration.ofSeconds(5).toNanos());
            assertEquals("HostDeregistered", host.refusals().get(0).code());
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/container-instances/" + credentials.hostId())
                    .then().statusCode(200).body("containerInstance.status", equalTo("INACTIVE"));
            as("acme-deployer").body(Map.of("taskDefinition", webTask(1, 6)))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(400);
            assertTrue(host.commands().isEmpty(), "no task for a revoked host");
        }
        given().auth().oauth2(Tokens.forPlatformService("gateway")).delete(internal).then().statusCode(204);
        given().auth().oauth2(Tokens.forPlatformService("gateway"))
                .delete("/api/scheduler/v1/internal/hosts/acme/h-never-seen").then().statusCode(204);
    }

    @Test
    void aChannelEndsWhenItsTokenExpiresAndAHostWithoutCredentialsStaysOut() {
        String cluster = newCluster();
        HostCredentials credentials = TestHosts.register("acme", cluster);
        TestClients.tokenLifespan(credentials.clientId(), 4);
        try (ScriptedHost host = ScriptedHost.connect(channel(), credentials, SPEC)) {
            host.await("reconnected with a fresh token", () -> host.connects() >= 2, Duration.ofSeconds(20));
            TestClients.disable(credentials.clientId());
            host.await("channel ended", () -> !host.connected(), Duration.ofSeconds(15));
            String described = "/api/scheduler/v1/clusters/" + cluster + "/container-instances/" + credentials.hostId();
            host.await("agent disconnected", () -> !as("acme-viewer").get(described).then().statusCode(200).extract()
                    .<Boolean>path("containerInstance.agentConnected"), Duration.ofSeconds(25));
            int connects = host.connects();
            sleep(Duration.ofSeconds(6));
            assertFalse(host.connected(), "a host without credentials gets no channel");
            assertEquals(connects, host.connects());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
