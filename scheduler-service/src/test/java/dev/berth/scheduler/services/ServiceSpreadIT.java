package dev.berth.scheduler.services;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.awaitSteady;
import static dev.berth.scheduler.SchedulerTestClient.describe;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.register;
import static dev.berth.scheduler.SchedulerTestClient.services;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Services spread over zones on scripted hosts: under ECS's attribute names, and through a
 * rolling update whose stopped tasks take a while to go, as containers that ignore SIGTERM do.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ServiceSpreadIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String definition(String family, String image) {
        return register("""
                {"family": "%s", "containerDefinitions": [{"name": "app", "image": "%s", "cpu": 128, "memory": 128,
                 "portMappings": [{"containerPort": 8080, "hostPort": 0}], "essential": true}]}
                """.formatted(family, image));
    }

    private static void createService(String cluster, String name, String definition, int count, String spreadField) {
        as("acme-deployer").body(Map.of("serviceName", name, "taskDefinition", definition, "desiredCount", count,
                        "deploymentConfiguration", Map.of("minimumHealthyPercent", 50, "maximumPercent", 100),
                        "placementStrategy", List.of(Map.of("type", "spread", "field", spreadField),
                                Map.of("type", "binpack", "field", "memory"))))
                .post(services(cluster)).then().statusCode(200);
    }

    /** Tasks the host runs that are not being stopped. */
    private static long keptRunning(ScriptedHost host) {
        return host.running() - host.heldStops().size();
    }

    private static List<String> pending(ScriptedHost host) {
        return host.tasks().entrySet().stream().filter(e -> e.getValue().equals("PENDING")).map(Map.Entry::getKey).toList();
    }

    /**
     * The field report: 2 and 2 tasks over two zones ended 3 and 1 after an update with 50/100.
     * The two oldest tasks run in zone-a; each round's stopped tasks keep running until the round's
     * new tasks are placed, and are gone before the next round.
     */
    @Test
    void aRollingUpdateKeepsTheSpreadWhileStoppedTasksLinger() {
        String cluster = newCluster();
        String family = "spread-" + UUID.randomUUID().toString().substring(0, 6);
        try (ScriptedHost a = host(cluster, "zone-a")) {
            String v1 = definition(family, "web:1");
            createService(cluster, "web", v1, 2, "attribute:berth.availability-zone");
            awaitSteady(a, cluster, "web", v1, 2);
            try (ScriptedHost b = host(cluster, "zone-b")) {
                as("acme-deployer").body(Map.of("desiredCount", 4)).put(services(cluster) + "/web").then().statusCode(200);
                awaitSteady(a, cluster, "web", v1, 4);
                assertEquals(List.of(2L, 2L), List.of(a.running(), b.running()));

                List<ScriptedHost> both = List.of(a, b);
                both.forEach(h -> {
                    h.holdStops(true);
                    h.autoRun(false);
                });
                String v2 = definition(family, "web:2");
                as("acme-deployer").body(Map.of("taskDefinition", v2)).put(services(cluster) + "/web").then().statusCode(200);
                for (int round = 1; round <= 2; round++) {
                    a.await("round " + round + ": two tasks stopping, two new ones placed", () -> both.stream()
                            .mapToInt(h -> h.heldStops().size() + 10 * pending(h).size()).sum() == 22, WAIT);
                    assertEquals(List.of(2L, 2L), List.of(keptRunning(a) + pending(a).size(), keptRunning(b) + pending(b).size()),
                            "round " + round + ": what is to run, two per zone");
                    both.forEach(ScriptedHost::releaseStops);
                    a.await("the stops reported", () -> both.stream().allMatch(h -> h.unacknowledgedReports() == 0), WAIT);
                    both.forEach(h -> pending(h).forEach(h::run));
                }
                awaitSteady(a, cluster, "web", v2, 4);
                assertEquals(List.of(2L, 2L), List.of(a.running(), b.running()), "two tasks per zone after the update");
            }
        }
    }

    @Test
    void aTaskBeingStoppedNoLongerCountsInThePlansSpread() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a"); ScriptedHost b = host(cluster, "zone-b")) {
            String definition = definition("batch-" + UUID.randomUUID().toString().substring(0, 6), "batch:1");
            List<Map<String, String>> spread = List.of(Map.of("type", "spread", "field", "attribute:berth.availability-zone"));
            JsonPath run = as("acme-deployer").body(Map.of("taskDefinition", definition, "count", 2, "group", "batch",
                            "placementStrategy", spread))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                    .body("tasks", hasSize(2)).extract().jsonPath();
            a.await("both tasks running", () -> a.running() == 1 && b.running() == 1, WAIT);
            String onA = run.getList("tasks", Map.class).stream()
                    .filter(t -> String.valueOf(t.get("containerInstanceArn")).endsWith(a.hostId()))
                    .map(t -> String.valueOf(t.get("taskArn"))).findFirst().orElseThrow();
            a.holdStops(true);
            as("acme-deployer").body(Map.of("reason", "scale in"))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks/" + onA.substring(onA.lastIndexOf('/') + 1) + "/stop")
                    .then().statusCode(200);
            a.await("the stop command", () -> a.heldStops().contains(onA), WAIT);
            as("acme-viewer").body(Map.of("taskDefinition", definition, "count", 1, "group", "batch", "seed", 1,
                            "placementStrategy", spread))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/placement-plans").then().statusCode(200)
                    .body("placements[0].containerInstanceArn", endsWith(a.hostId()))
                    .body("placements[0].passedOver.detail", equalTo(List.of("spread(attribute:berth.availability-zone) "
                            + "preferred 0 tasks of batch in its berth.availability-zone to this host's 1")));
            a.releaseStops();
        }
    }

    @Test
    void ecsAttributeNamesSpreadAServiceAndAnAttributeNoHostHasIsSaidOnce() {
        String cluster = newCluster();
        String family = "ecs-" + UUID.randomUUID().toString().substring(0, 6);
        try (ScriptedHost a = host(cluster, "zone-a"); ScriptedHost b = host(cluster, "zone-b")) {
            String v1 = definition(family, "web:1");
            createService(cluster, "web", v1, 4, "attribute:ecs.availability-zone");
            awaitSteady(a, cluster, "web", v1, 4);
            assertEquals(List.of(2L, 2L), List.of(a.running(), b.running()), "spread over berth.availability-zone");

            long first = System.nanoTime();
            createService(cluster, "typo", v1, 1, "attribute:ecs.availability-zon");
            awaitSteady(a, cluster, "typo", v1, 1);
            as("acme-deployer").body(Map.of("desiredCount", 2)).put(services(cluster) + "/typo").then().statusCode(200);
            awaitSteady(a, cluster, "typo", v1, 2);
            String missing = "placement strategy spread(attribute:ecs.availability-zon) names the attribute "
                    + "ecs.availability-zon, which no container instance in the cluster has.";
            List<String> events = describe(cluster, "typo").getList("service.events.message", String.class);
            Assumptions.assumeTrue(System.nanoTime() - first < Duration.ofSeconds(55).toNanos(),
                    "both placements within the minute the event is not repeated in");
            assertEquals(1, events.stream().filter(("(service typo) " + missing)::equals).count(), events.toString());
            assertEquals(0, describe(cluster, "web").getList("service.events.message", String.class).stream()
                    .filter(m -> m.contains("no container instance in the cluster has")).count());

            String plans = "/api/scheduler/v1/clusters/" + cluster + "/placement-plans";
            as("acme-viewer").body(Map.of("taskDefinition", v1, "count", 1, "placementStrategy",
                            List.of(Map.of("type", "spread", "field", "attribute:ecs.availability-zon"))))
                    .post(plans).then().statusCode(200)
                    .body("placements", hasSize(1))
                    .body("warnings", equalTo(List.of(missing)));
            as("acme-viewer").body(Map.of("taskDefinition", v1, "count", 2, "group", "service:web", "placementConstraints",
                            List.of(Map.of("type", "memberOf", "expression",
                                    "attribute:ecs.instance-type == t3.medium and attribute:ecs.os-type == linux"))))
                    .post(plans).then().statusCode(200)
                    .body("placements", hasSize(2))
                    .body("warnings", hasSize(0));
        }
    }
}
