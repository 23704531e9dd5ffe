package dev.berth.scheduler.services;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.awaitSteady;
import static dev.berth.scheduler.SchedulerTestClient.describe;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.register;
import static dev.berth.scheduler.SchedulerTestClient.services;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Services on scripted hosts: placement across zones, rolling deployments within their bounds, draining, the circuit breaker. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ServicesApiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String definition(String family, String image, int memory) {
        return register("""
                {"family": "%s", "containerDefinitions": [{"name": "app", "image": "%s", "cpu": 128, "memory": %d,
                 "portMappings": [{"containerPort": 8080, "hostPort": 0}], "essential": true}]}
                """.formatted(family, image, memory));
    }

    @Test
    void aServiceSpreadsOverZonesRollsWithinItsBoundsAndLeavesADrainingHost() {
        String cluster = newCluster();
        String family = "web-" + UUID.randomUUID().toString().substring(0, 6);
        try (ScriptedHost a = host(cluster, "zone-a"); ScriptedHost b = host(cluster, "zone-b");
             ScriptedHost c = host(cluster, "zone-c")) {
            String v1 = definition(family, "nginx:1", 256);
            as("acme-deployer").body(Map.of("serviceName", "web", "taskDefinition", v1, "desiredCount", 6,
                            "deploymentConfiguration", Map.of("minimumHealthyPercent", 50, "maximumPercent", 100),
                            "placementStrategy", List.of(Map.of("type", "spread", "field", "attribute:berth.availability-zone"),
                                    Map.of("type", "binpack", "field", "memory"))))
                    .post(services(cluster)).then().statusCode(200)
                    .body("service.status", equalTo("ACTIVE"))
                    .body("service.desiredCount", equalTo(6))
                    .body("service.deployments[0].status", equalTo("PRIMARY"));
            awaitSteady(a, cluster, "web", v1, 6);
            assertEquals(List.of(2L, 2L, 2L), List.of(a.running(), b.running(), c.running()), "two tasks per zone");
            assertTrue(describe(cluster, "web").getList("service.events.message", String.class)
                    .contains("(service web) has reached a steady state."));

            // a rolling deployment with 50/100: never more than 6 tasks, never fewer than 3 healthy
            String v2 = definition(family, "nginx:2", 256);
            as("acme-deployer").body(Map.of("taskDefinition", v2)).put(services(cluster) + "/web").then().statusCode(200)
                    .body("service.deployments.size()", equalTo(2));
            int[] bounds = {Integer.MAX_VALUE, 0};
            a.await("rollout to " + v2, () -> {
                JsonPath s = describe(cluster, "web");
                int running = s.getInt("service.runningCount");
                int total = running + s.getInt("service.pendingCount");
                bounds[0] = Math.min(bounds[0], running);
                bounds[1] = Math.max(bounds[1], total);
                return running == 6 && s.getList("service.deployments").size() == 1
                        && v2.equals(s.getString("service.deployments[0].taskDefinition"));
            }, WAIT);
            assertTrue(bounds[0] >= 3, "at least 50% healthy during the rollout, saw " + bounds[0]);
            assertTrue(bounds[1] <= 6, "at most 100% during the rollout, saw " + bounds[1]);

            // draining zone-c's host: its tasks go to the other hosts
            as("acme-admin").body(Map.of("containerInstances", List.of(c.hostId()), "status", "DRAINING"))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/container-instances/state").then().statusCode(200)
                    .body("containerInstances[0].status", equalTo("DRAINING"));
            a.await("tasks off the draining host", () -> c.running() == 0 && a.running() + b.running() == 6
                    && describe(cluster, "web").getInt("service.runningCount") == 6, WAIT);
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/tasks?serviceName=web&containerInstance="
                    + c.hostId()).then().body("taskArns.size()", equalTo(0));
        }
    }

    @Test
    void aServiceReplacesAFailedTask() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a")) {
            String v1 = definition("api-" + UUID.randomUUID().toString().substring(0, 6), "api:1", 128);
            as("acme-deployer").body(Map.of("serviceName", "api", "taskDefinition", v1, "desiredCount", 2))
                    .post(services(cluster)).then().statusCode(200);
            awaitSteady(a, cluster, "api", v1, 2);
            String victim = a.tasks().entrySet().stream().filter(e -> e.getValue().equals("RUNNING")).findFirst()
                    .orElseThrow().getKey();
            a.exit(victim, 137);
            a.await("a replacement", () -> a.running() == 2 && !"RUNNING".equals(a.tasks().get(victim)), WAIT);
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/tasks/" + victim.substring(victim.lastIndexOf('/') + 1))
                    .then().body("task.stopCode", equalTo("EssentialContainerExited"))
                    .body("task.containers[0].exitCode", equalTo(137));
        }
    }

    @Test
    void theCircuitBreakerFailsABadDeploymentAndRollsBack() {
        String cluster = newCluster();
        String family = "cb-" + UUID.randomUUID().toString().substring(0, 6);
        try (ScriptedHost a = host(cluster, "zone-a")) {
            String good = definition(family, "good:1", 128);
            as("acme-deployer").body(Map.of("serviceName", "cb", "taskDefinition", good, "desiredCount", 2,
                            "deploymentConfiguration", Map.of("deploymentCircuitBreaker", Map.of("enable", true, "rollback", true))))
                    .post(services(cluster)).then().statusCode(200);
            awaitSteady(a, cluster, "cb", good, 2);
            String bad = definition(family, ScriptedHost.CRASHING_IMAGE, 128);
            as("acme-deployer").body(Map.of("taskDefinition", bad)).put(services(cluster) + "/cb").then().statusCode(200);
            a.await("rollback to " + good, () -> describe(cluster, "cb").getList("service.events.message", String.class)
                    .stream().anyMatch(m -> m.contains("rolling back to deployment")), WAIT);
            awaitSteady(a, cluster, "cb", good, 2);
            as("acme-viewer").get(services(cluster) + "/cb").then()
                    .body("service.events.message", hasItem(containsString("deployment failed: tasks failed to start")));
        }
    }

    @Test
    void aDaemonServiceRunsOneTaskOnEveryHostIncludingNewOnes() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a"); ScriptedHost b = host(cluster, "zone-b")) {
            String agent = definition("agent-" + UUID.randomUUID().toString().substring(0, 6), "agent:1", 64);
            as("acme-deployer").body(Map.of("serviceName", "node-agent", "taskDefinition", agent,
                            "schedulingStrategy", "DAEMON"))
                    .post(services(cluster)).then().statusCode(200)
                    .body("service.schedulingStrategy", equalTo("DAEMON"));
            a.await("one task per host", () -> a.running() == 1 && b.running() == 1, WAIT);
            try (ScriptedHost c = host(cluster, "zone-c")) {
                c.await("a task on the new host", () -> c.running() == 1, WAIT);
                assertEquals(List.of(1L, 1L), List.of(a.running(), b.running()));
            }
        }
    }

    @Test
    void badServiceRequestsNameTheField() {
        String cluster = newCluster();
        as("acme-deployer").body(Map.of("serviceName", "x", "taskDefinition", "nope")).post(services(cluster)).then()
                .statusCode(400).body("message", containsString("taskDefinition"));
        as("acme-deployer").body(Map.of("serviceName", "x", "taskDefinition", "nope", "deploymentConfiguration",
                Map.of("maximumPercent", 50))).post(services(cluster)).then()
                .statusCode(400).body("message", containsString("maximumPercent"));
        as("acme-deployer").body(Map.of("serviceName", "x", "taskDefinition", "nope", "schedulingStrategy", "DAEMON",
                "desiredCount", 2)).post(services(cluster)).then()
                .statusCode(400).body("message", containsString("desiredCount"));
        as("acme-viewer").get(services(cluster) + "/missing").then().statusCode(404)
                .body("code", equalTo("ServiceNotFoundException"));
    }
}
