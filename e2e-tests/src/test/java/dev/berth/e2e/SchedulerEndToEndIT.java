package dev.berth.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.LocalPlatform;
import dev.berth.testsupport.ScriptedHost;
import dev.berth.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler as a user drives it through the gateway: hosts join with registration tokens
 * and speak the agent protocol over the gateway's WebSocket; a task definition from AWS's
 * documentation runs as a service of 6 tasks on 3 hosts spread by zone and binpacked by memory,
 * is rolled to a new revision within its bounds, a placement plan says why hosts were passed
 * over, and a drained host's tasks move — with the events of each step on berth.events.
 */
class SchedulerEndToEndIT {

    private static final String GATEWAY = "http://127.0.0.1:" + System.getenv().getOrDefault("BERTH_GATEWAY_PORT", "8080");
    private static final URI CHANNEL = URI.create(GATEWAY.replace("http://", "ws://") + "/api/agent/v1/connect");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @BeforeAll
    static void platformIsUp() {
        LocalPlatform.ensureWholePlatform();
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    private ScriptedHost join(String cluster, String registrationToken, String zone) {
        HostCredentials credentials = HostCredentials.register(URI.create(GATEWAY), registrationToken, "host-" + zone,
                dir.resolve(zone + ".json"));
        return ScriptedHost.connect(CHANNEL, credentials, new ScriptedHost.Spec(2048, 4096,
                Map.of("berth.availability-zone", zone, "berth.instance-type", "t3.medium", "berth.os-type", "linux")));
    }

    private static JsonPath service(String cluster) {
        return as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/services/web").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aServiceRunsRollsExplainsAndMovesOffADrainingHostThroughTheGateway() throws Exception {
        String cluster = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        as("acme-admin").body(Map.of("clusterName", cluster)).post("/api/scheduler/v1/clusters").then().statusCode(200);
        String registration = as("acme-admin").body(Map.of("cluster", cluster, "maxUses", 3))
                .post("/api/iam/v1/registration-tokens").then().statusCode(201).extract().path("token");
        given().baseUri(GATEWAY).auth().oauth2(Tokens.forDemoUser("acme-admin")).get("/api/agent/v1/connect")
                .then().statusCode(403);

        try (EventsReader events = EventsReader.atEndOf("berth.events");
             ScriptedHost a = join(cluster, registration, "zone-a");
             ScriptedHost b = join(cluster, registration, "zone-b");
             ScriptedHost c = join(cluster, registration, "zone-c")) {
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/container-instances").then()
                    .statusCode(200).body("containerInstanceArns.size()", equalTo(3));

            String document = Files.readString(Path.of(getClass().getResource("/task-definitions/webserver.json").toURI()),
                    StandardCharsets.UTF_8).replace("\"webserver\"", "\"webserver-" + cluster + "\"");
            String v1 = as("acme-deployer").body(document).post("/api/scheduler/v1/task-definitions").then()
                    .statusCode(201).extract().path("taskDefinition.taskDefinitionArn");
            as("acme-deployer").body(Map.of("serviceName", "web", "taskDefinition", v1, "desiredCount", 6,
                            "placementStrategy", List.of(Map.of("type", "spread", "field", "attribute:berth.availability-zone"),
                                    Map.of("type", "binpack", "field", "memory"))))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/services").then().statusCode(200);
            a.await("6 tasks running", () -> service(cluster).getInt("service.runningCount") == 6
                    && service(cluster).getList("service.events.message", String.class)
                    .contains("(service web) has reached a steady state."), WAIT);
            assertEquals(List.of(2L, 2L, 2L), List.of(a.running(), b.running(), c.running()));

            // rolling deployment with ECS's defaults (100/200): the new tasks start before the old stop
            String v2 = as("acme-deployer").body(document).post("/api/scheduler/v1/task-definitions").then()
                    .statusCode(201).extract().path("taskDefinition.taskDefinitionArn");
            as("acme-deployer").body(Map.of("taskDefinition", v2)).put("/api/scheduler/v1/clusters/" + cluster
                    + "/services/web").then().statusCode(200);
            List<Integer> healthy = new ArrayList<>();
            List<Integer> total = new ArrayList<>();
            a.await("rollout to " + v2, () -> {
                JsonPath s = service(cluster);
                healthy.add(s.getInt("service.runningCount"));
                total.add(s.getInt("service.runningCount") + s.getInt("service.pendingCount"));
                return s.getList("service.deployments").size() == 1
                        && v2.equals(s.getString("service.deployments[0].taskDefinition"))
                        && "COMPLETED".equals(s.getString("service.deployments[0].rolloutState"));
            }, WAIT);
            assertTrue(healthy.stream().allMatch(n -> n >= 6), "never below 100% healthy: " + healthy);
            assertTrue(total.stream().allMatch(n -> n <= 12), "never above 200%: " + total);

            // why would two more tasks not go to zone-a's host? a placement plan says
            JsonPath plan = as("acme-viewer").body(Map.of("taskDefinition", v2, "count", 2, "seed", 7,
                            "placementConstraints", List.of(Map.of("type", "memberOf",
                                    "expression", "attribute:berth.availability-zone != zone-a")),
                            "placementStrategy", List.of(Map.of("type", "binpack", "field", "memory"))))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/placement-plans").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(2, plan.getList("placements").size());
            assertTrue(plan.getList("placements[0].passedOver.reason", String.class).contains("MissingAttribute"),
                    plan.prettify());
            assertFalse(plan.getList("placements.containerInstanceArn", String.class).stream()
                    .anyMatch(arn -> arn.endsWith(a.hostId())));

            // draining zone-c: its two tasks move to the other hosts
            as("acme-admin").body(Map.of("containerInstances", List.of(c.hostId()), "status", "DRAINING"))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/container-instances/state").then().statusCode(200);
            a.await("tasks off the draining host", () -> c.running() == 0 && a.running() + b.running() == 6
                    && service(cluster).getInt("service.runningCount") == 6, WAIT);

            List<EventsReader.Event> seen = events.read(e -> e.value().path("tenant").asText().equals("acme")
                    && e.value().toString().contains(cluster), 1_000, Duration.ofSeconds(5));
            List<String> types = seen.stream().map(e -> e.value().path("type").asText()).distinct().toList();
            assertTrue(types.containsAll(List.of("ECS Container Instance State Change", "ECS Task State Change",
                    "ECS Service Action", "ECS Deployment State Change")), types.toString());
            assertTrue(seen.stream().anyMatch(e -> "DRAINING".equals(e.value().path("detail").path("change").asText())));
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/services/web").then()
                    .body("service.events.message", hasItem("(service web) has reached a steady state."));
        }
    }
}
