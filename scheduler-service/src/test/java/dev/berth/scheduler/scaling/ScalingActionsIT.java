package dev.berth.scheduler.scaling;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static dev.berth.scheduler.SchedulerTestClient.newCluster;
import static dev.berth.scheduler.SchedulerTestClient.webTask;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.scaling.ScalingAction;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.EventsWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The autoscaler's decisions, sent on berth.scaling-actions over a real Kafka producer, set a
 * service's desired count once however often they arrive, and are answered on berth.scaling-results.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ScalingActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    private String service(String cluster, int desiredCount) {
        String name = "web-" + UUID.randomUUID().toString().substring(0, 6);
        as("acme-deployer").body(Map.of("serviceName", name, "taskDefinition", webTask(1, 6), "desiredCount", desiredCount))
                .post("/api/scheduler/v1/clusters/" + cluster + "/services").then().statusCode(200);
        return name;
    }

    private String envelope(String actionId, String cluster, String service, int desired, boolean scaleIn) throws Exception {
        ScalingAction action = new ScalingAction(actionId, "service/" + cluster + "/" + service,
                ScalingAction.ECS_SERVICE_DESIRED_COUNT, cluster, service, desired, 1, 5, scaleIn,
                "monitor alarm cpu-high in state ALARM triggered policy cpu");
        return json.writeValueAsString(new EventEnvelope<>(ScalingAction.TYPE, ScalingAction.VERSION, actionId, "acme",
                Instant.now(), null, action));
    }

    private static JsonNode outcome(EventsReader results, String actionId) throws Exception {
        List<EventsReader.Event> found = results.read(e -> actionId.equals(e.value().path("detail").path("actionId").asText()),
                1, WAIT);
        assertEquals(1, found.size(), "an outcome for " + actionId);
        return found.get(0).value().path("detail");
    }

    private static int desiredCount(String cluster, String service) {
        return as("acme-viewer").get("/api/scheduler/v1/clusters/" + cluster + "/services/" + service)
                .then().statusCode(200).extract().path("service.desiredCount");
    }

    @Test
    void aDecisionSetsTheCountOnceAndIsAnsweredEachTime() throws Exception {
        String cluster = newCluster();
        String service = service(cluster, 1);
        String actionId = UUID.randomUUID().toString();
        String action = envelope(actionId, cluster, service, 3, false);
        try (EventsReader results = EventsReader.atEndOf("berth.scaling-results");
             EventsReader events = EventsReader.atEndOf("berth.events");
             EventsWriter writer = EventsWriter.open()) {
            writer.send("berth.scaling-actions", "service/" + cluster + "/" + service, action);
            JsonNode first = outcome(results, actionId);
            assertEquals("SUCCESSFUL", first.path("status").asText());
            assertEquals(1, first.path("previousDesiredCount").asInt());
            assertEquals(3, first.path("desiredCount").asInt());
            assertEquals("Successfully set desired count to 3. Change successfully fulfilled by ecs.",
                    first.path("statusMessage").asText());
            assertEquals(3, desiredCount(cluster, service));
            List<EventsReader.Event> updated = events.read(e -> "SERVICE_DESIRED_COUNT_UPDATED".equals(
                    e.value().path("detail").path("eventName").asText())
                    && e.value().path("detail").path("serviceArn").asText().endsWith("/" + cluster + "/" + service), 1, WAIT);
            assertEquals(1, updated.size(), "an ECS Service Action event");
            assertEquals(3, updated.get(0).value().path("detail").path("desiredCount").asInt());

            // a user changes the count; the same decision delivered again is answered alike and changes nothing
            as("acme-deployer").body(Map.of("desiredCount", 2))
                    .put("/api/scheduler/v1/clusters/" + cluster + "/services/" + service).then().statusCode(200)
                    .body("service.desiredCount", equalTo(2));
            writer.send("berth.scaling-actions", "service/" + cluster + "/" + service, action);
            assertEquals(first, outcome(results, actionId));
            assertEquals(2, desiredCount(cluster, service));
        }
    }

    @Test
    void scaleInWaitsWhileADeploymentRollsOutAndAGoneServiceFails() throws Exception {
        String cluster = newCluster(); // no hosts: the service's first deployment stays IN_PROGRESS
        String service = service(cluster, 2);
        String scaleIn = UUID.randomUUID().toString();
        String scaleOut = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();
        try (EventsReader results = EventsReader.atEndOf("berth.scaling-results");
             EventsWriter writer = EventsWriter.open()) {
            writer.send("berth.scaling-actions", "service/" + cluster + "/" + service,
                    envelope(scaleIn, cluster, service, 1, true));
            JsonNode held = outcome(results, scaleIn);
            assertEquals("UNFULFILLED", held.path("status").asText());
            assertEquals(2, desiredCount(cluster, service));

            writer.send("berth.scaling-actions", "service/" + cluster + "/" + service,
                    envelope(scaleOut, cluster, service, 9, false));
            JsonNode capped = outcome(results, scaleOut);
            assertEquals("SUCCESSFUL", capped.path("status").asText());
            assertEquals(5, capped.path("desiredCount").asInt(), "the target's maximum");
            assertEquals(5, desiredCount(cluster, service));

            writer.send("berth.scaling-actions", "service/" + cluster + "/nope", envelope(gone, cluster, "nope", 3, false));
            JsonNode failed = outcome(results, gone);
            assertEquals("FAILED", failed.path("status").asText());
            assertEquals("Failed to set desired count to 3. Reason: service nope not found in cluster " + cluster + ".",
                    failed.path("statusMessage").asText());
        }
    }
}
