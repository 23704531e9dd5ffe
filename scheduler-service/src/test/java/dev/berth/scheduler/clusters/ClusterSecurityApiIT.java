package dev.berth.scheduler.clusters;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.testsupport.TestClients;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Host networking, privileged containers and added capabilities: refused wherever a task is run or
 * placed, until a platform operator allows them for the cluster; the start command tells the
 * agent what the cluster allows.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ClusterSecurityApiIT {

    private static final String PRIVILEGED = """
            {"family": "%s", "containerDefinitions": [{"name": "app", "image": "busybox", "memory": 64,
             "privileged": true}]}""";
    private static final String HOST_NETWORK = """
            {"family": "%s", "networkMode": "host", "containerDefinitions": [{"name": "app", "image": "busybox",
             "memory": 64}]}""";
    private static final String CAPABILITIES = """
            {"family": "%s", "containerDefinitions": [{"name": "app", "image": "busybox", "memory": 64,
             "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"]}}}]}""";

    private static String family() {
        return "elevated-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String tasks(String cluster) {
        return "/api/scheduler/v1/clusters/" + cluster + "/tasks";
    }

    private static String settings(String cluster) {
        return "/api/scheduler/v1/clusters/" + cluster + "/security-settings";
    }

    private static void refusedEverywhere(String cluster, ScriptedHost host, String definition, String field) {
        as("acme-deployer").body(Map.of("taskDefinition", definition)).post(tasks(cluster)).then().statusCode(400)
                .body("code", equalTo("ClientException")).body("message", containsString(field));
        as("acme-deployer").body(Map.of("taskDefinition", definition, "containerInstances", List.of(host.hostId())))
                .post(tasks(cluster) + "/start").then().statusCode(400).body("message", containsString(field));
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 6);
        as("acme-deployer").body(Map.of("serviceName", service, "taskDefinition", definition, "desiredCount", 1))
                .post("/api/scheduler/v1/clusters/" + cluster + "/services").then().statusCode(400)
                .body("message", containsString(field));
        as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/services/" + service).then().statusCode(404);
        as("acme-deployer").body(Map.of("scheduleExpression", "rate(5 minutes)", "taskDefinition", definition))
                .put("/api/scheduler/v1/clusters/" + cluster + "/scheduled-tasks/nightly-" + service).then()
                .statusCode(400).body("message", containsString(field));
    }

    @Test
    void elevatedTasksAreRefusedUntilAPlatformOperatorAllowsThemForTheCluster() {
        String cluster = newCluster();
        String privileged = register(PRIVILEGED.formatted(family()));
        String hostNetwork = register(HOST_NETWORK.formatted(family()));
        String capabilities = register(CAPABILITIES.formatted(family()));
        String plain = register("""
                {"family": "%s", "containerDefinitions": [{"name": "app", "image": "busybox", "memory": 64}]}
                """.formatted(family()));
        try (ScriptedHost host = host(cluster, "zone-a")) {
            refusedEverywhere(cluster, host, privileged, "containerDefinitions[0].privileged");
            refusedEverywhere(cluster, host, hostNetwork, "networkMode");
            refusedEverywhere(cluster, host, capabilities, "containerDefinitions[0].linuxParameters.capabilities.add");

            as("acme-deployer").body(Map.of("taskDefinition", plain)).post(tasks(cluster)).then().statusCode(200);
            host.await("plain task started", () -> host.commands().size() == 1, Duration.ofSeconds(20));
            assertEquals(AgentMessage.ElevatedAccess.NONE, host.commands().get(0).startTask().allowed());

            as("acme-admin").body(Map.of("allowPrivilegedContainers", true, "allowHostNetwork", true))
                    .put(settings(cluster)).then().statusCode(403).body("code", equalTo("AccessDeniedException"));
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster).then().statusCode(200)
                    .body("cluster.securitySettings.allowPrivilegedContainers", equalTo(false));

            String arn = "arn:berth:ecs::acme:cluster/" + cluster;
            given().auth().oauth2(TestClients.platformOperatorToken()).contentType("application/json")
                    .body(Map.of("allowPrivilegedContainers", true, "allowHostNetwork", false))
                    .urlEncodingEnabled(false).put(settings(URLEncoder.encode(arn, StandardCharsets.UTF_8)))
                    .then().statusCode(200)
                    .body("cluster.securitySettings.allowPrivilegedContainers", equalTo(true))
                    .body("cluster.securitySettings.allowHostNetwork", equalTo(false));

            as("acme-deployer").body(Map.of("taskDefinition", privileged)).post(tasks(cluster)).then().statusCode(200);
            as("acme-deployer").body(Map.of("taskDefinition", capabilities)).post(tasks(cluster)).then().statusCode(200);
            as("acme-deployer").body(Map.of("taskDefinition", hostNetwork)).post(tasks(cluster)).then().statusCode(400)
                    .body("message", containsString("networkMode"));
            host.await("elevated tasks started", () -> host.commands().size() == 3, Duration.ofSeconds(20));
            AgentMessage.ElevatedAccess allowed = host.commands().get(2).startTask().allowed();
            assertTrue(allowed.privilegedContainers());
            assertFalse(allowed.hostNetwork());
        }
    }

    @Test
    void anotherTenantsAdminCannotChangeOrSeeTheSettings() {
        String cluster = newCluster();
        as("globex-admin").body(Map.of("allowPrivilegedContainers", true, "allowHostNetwork", true))
                .put(settings(cluster)).then().statusCode(403);
        as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster).then().statusCode(200)
                .body("cluster.securitySettings.allowHostNetwork", equalTo(false));
    }
}
