package dev.berth.scheduler.hosts;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.channel;
import static dev.berth.scheduler.SchedulerTestClient.host;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.ScriptedHost;

import dev.berth.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hosts as container instances: joined over the channel, described, given attributes, planned for, drained, deregistered. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ContainerInstancesApiIT {

    private static String instances(String cluster) {
        return "/api/scheduler/v1/clusters/" + cluster + "/container-instances";
    }

    @Test
    void aHostJoinsOverTheChannelAndIsDescribedAsAContainerInstance() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a")) {
            as("acme-viewer").get(instances(cluster)).then().statusCode(200)
                    .body("containerInstanceArns", equalTo(List.of("arn:berth:ecs::acme:container-instance/" + cluster
                            + "/" + a.hostId())));
            as("acme-viewer").get(instances(cluster) + "/" + a.hostId()).then().statusCode(200)
                    .body("containerInstance.status", equalTo("ACTIVE"))
                    .body("containerInstance.agentConnected", equalTo(true))
                    .body("containerInstance.versionInfo.agentVersion", equalTo("scripted-1.0"))
                    .body("containerInstance.registeredResources.find { it.name == 'CPU' }.integerValue", equalTo(2048))
                    .body("containerInstance.registeredResources.find { it.name == 'MEMORY' }.integerValue", equalTo(4096))
                    .body("containerInstance.remainingResources.find { it.name == 'PORTS' }.stringSetValue", equalTo(List.of("22")))
                    .body("containerInstance.attributes.find { it.name == 'berth.availability-zone' }.value", equalTo("zone-a"));
            as("globex-admin").get(instances(cluster) + "/" + a.hostId()).then().statusCode(404);
        }
    }

    @Test
    void onlyAHostTokenOpensTheChannelAndAHostOfAnUnknownClusterIsRefused() throws Exception {
        HttpResponse<String> user = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(channel().toString().replace("ws://", "http://")))
                .header("Authorization", "Bearer " + Tokens.forDemoUser("acme-admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, user.statusCode(), user.body());
        ScriptedHost orphan = null;
        try {
            orphan = host("no-such-cluster", 1024, 1024, Map.of());
        } catch (AssertionError expected) {
            assertEquals(true, expected.getMessage().contains("ClusterNotFoundException"), expected.getMessage());
        } finally {
            if (orphan != null) {
                orphan.close();
            }
        }
    }

    @Test
    void customAttributesSteerPlacementAndThePlanSaysWhyHostsWerePassedOver() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a"); ScriptedHost b = host(cluster, "zone-b")) {
            as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", "stack", "value", "prod",
                    "targetType", "container-instance", "targetId", b.hostId()))))
                    .put("/api/scheduler/v1/clusters/" + cluster + "/attributes").then().statusCode(200);
            as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", "berth.availability-zone", "value", "x",
                    "targetId", b.hostId()))))
                    .put("/api/scheduler/v1/clusters/" + cluster + "/attributes").then().statusCode(400)
                    .body("message", containsString("attributes[0].name"));
            String definition = webTask(128, 128);
            as("acme-viewer").body(Map.of("taskDefinition", definition, "count", 2, "seed", 1,
                            "placementConstraints", List.of(Map.of("type", "memberOf", "expression", "attribute:stack == prod"))))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/placement-plans").then().statusCode(200)
                    .body("placements", hasSize(2))
                    .body("placements.containerInstanceArn", everyItem(containsString(b.hostId())))
                    .body("placements[0].passedOver[0].containerInstanceArn", containsString(a.hostId()))
                    .body("placements[0].passedOver[0].reason", equalTo("MissingAttribute"))
                    .body("unplaced", equalTo(0));
            // the plan reserved nothing: both tasks still fit a real run
            as("acme-deployer").body(Map.of("taskDefinition", definition, "count", 2,
                            "placementConstraints", List.of(Map.of("type", "memberOf", "expression", "attribute:stack == prod"))))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                    .body("tasks.containerInstanceArn", everyItem(containsString(b.hostId())));
            as("acme-admin").body(Map.of("attributes", List.of(Map.of("name", "stack", "targetId", b.hostId()))))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/attributes/delete").then().statusCode(200);
            as("acme-viewer").get(instances(cluster) + "/" + b.hostId()).then()
                    .body("containerInstance.attributes.name", hasItem("berth.availability-zone"))
                    .body("containerInstance.attributes.findAll { it.name == 'stack' }", hasSize(0));
        }
    }

    @Test
    void deregisteringAHostWithTasksNeedsForceAndStopsThem() {
        String cluster = newCluster();
        try (ScriptedHost a = host(cluster, "zone-a")) {
            String arn = as("acme-deployer").body(Map.of("taskDefinition", webTask(128, 128)))
                    .post("/api/scheduler/v1/clusters/" + cluster + "/tasks").then().statusCode(200)
                    .extract().path("tasks[0].taskArn");
            a.await("task running", () -> a.running() == 1, Duration.ofSeconds(20));
            as("acme-admin").delete(instances(cluster) + "/" + a.hostId()).then().statusCode(400)
                    .body("message", containsString("force"));
            as("acme-deployer").delete(instances(cluster) + "/" + a.hostId() + "?force=true").then().statusCode(403);
            as("acme-admin").delete(instances(cluster) + "/" + a.hostId() + "?force=true").then().statusCode(200)
                    .body("containerInstance.status", equalTo("INACTIVE"));
            as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/tasks/" + arn.substring(arn.lastIndexOf('/') + 1))
                    .then().body("task.lastStatus", equalTo("STOPPED"));
            a.await("refusal", () -> !a.refusals().isEmpty(), Duration.ofSeconds(20));
            assertEquals("HostDeregistered", a.refusals().get(0).code());
        }
    }
}
