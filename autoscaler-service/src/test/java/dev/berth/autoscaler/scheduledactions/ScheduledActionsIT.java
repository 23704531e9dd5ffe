package dev.berth.autoscaler.scheduledactions;

import static dev.berth.autoscaler.scaling.AutoscalerTestClient.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.autoscaler.scaling.CapacityRange;
import dev.berth.autoscaler.scaling.ScalableTarget;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import dev.berth.autoscaler.scaling.ScalableTargetStore;
import dev.berth.autoscaler.scaling.SuspendedState;
import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.scaling.ScalingOutcome;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsReader;
import dev.berth.testsupport.EventsWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Scheduled actions fire on real PostgreSQL and Kafka: the bounds change, the capacity change goes out on
 * berth.scaling-actions and the outcome this test answers on berth.scaling-results (as the scheduler does,
 * over a real producer) closes it once. The scheduler itself is not started here: its side of the contract
 * is its own ScalingActionsIT.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ScheduledActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    Pool pool;

    @Inject
    ScalableTargetStore targets;

    @Inject
    ObjectMapper json;

    private String target(int min, int max, int count, boolean scheduledSuspended) {
        ScalableTargetId id = ScalableTargetId.ecsService("default", "web-" + UUID.randomUUID().toString().substring(0, 8));
        pool.withTransaction(tx -> targets.insert(tx, "acme", new ScalableTarget(id, new CapacityRange(min, max),
                new SuspendedState(false, false, scheduledSuspended)), count)).await().indefinitely();
        return id.resourceId().toString();
    }

    private static void put(String resourceId, String name, String schedule, int min, int max) {
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", resourceId,
                        "ScalableDimension", "ecs:service:DesiredCount", "ScheduledActionName", name, "Schedule", schedule,
                        "ScalableTargetAction", Map.of("MinCapacity", min, "MaxCapacity", max)))
                .put("/api/autoscaler/v1/scheduled-actions").then().statusCode(200);
    }

    private static String soon() {
        return "at(" + AT.format(Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS)) + ")";
    }

    private static JsonPath activities(String resourceId) {
        return as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .get("/api/autoscaler/v1/scaling-activities").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitActivities(String resourceId, Predicate<JsonPath> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath found = activities(resourceId);
        while (!done.test(found) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            found = activities(resourceId);
        }
        return found;
    }

    private Instant nextRun(String resourceId, String name) {
        return pool.preparedQuery("SELECT next_run_at FROM scheduled_action WHERE tenant = 'acme' AND resource_id = $1 "
                        + "AND name = $2").execute(Tuple.of(resourceId, name)).await().indefinitely()
                .iterator().next().getOffsetDateTime("next_run_at") instanceof java.time.OffsetDateTime t ? t.toInstant() : null;
    }

    private String outcome(String actionId, String resourceId, ScalingOutcome.Status status, String message, int before,
            int after) throws Exception {
        return json.writeValueAsString(new EventEnvelope<>(ScalingOutcome.TYPE, ScalingOutcome.VERSION, "outcome/" + actionId,
                "acme", Instant.now(), null, new ScalingOutcome(actionId, resourceId, status, message, before, after)));
    }

    @Test
    void anAtActionSetsTheBoundsAndItsCapacityChangeRoundTripsOnce() throws Exception {
        String resourceId = target(1, 4, 2, false);
        try (EventsReader actions = EventsReader.atEndOf("berth.scaling-actions"); EventsWriter writer = EventsWriter.open()) {
            put(resourceId, "morning", soon(), 5, 8);

            List<EventsReader.Event> sent = actions.read(e -> resourceId.equals(e.key()), 1, WAIT);
            assertEquals(1, sent.size(), "a scaling action for " + resourceId);
            JsonNode envelope = sent.get(0).value();
            JsonNode action = envelope.path("detail");
            assertEquals("ScalingAction", envelope.path("type").asText());
            assertEquals("acme", envelope.path("tenant").asText());
            assertEquals(envelope.path("id").asText(), action.path("actionId").asText());
            assertEquals(5, action.path("desiredCount").asInt());
            assertEquals(5, action.path("minCapacity").asInt());
            assertEquals(8, action.path("maxCapacity").asInt());
            assertEquals("minimum capacity was set to 5", action.path("cause").asText());

            JsonPath inProgress = activities(resourceId);
            assertEquals(2, inProgress.getList("ScalingActivities").size());
            assertEquals("Setting desired count to 5.", inProgress.getString("ScalingActivities[0].Description"));
            assertEquals("InProgress", inProgress.getString("ScalingActivities[0].StatusCode"));
            assertEquals("Setting min capacity to 5 and max capacity to 8", inProgress.getString("ScalingActivities[1].Description"));
            assertEquals("scheduled action name morning was triggered", inProgress.getString("ScalingActivities[1].Cause"));
            assertEquals("Successful", inProgress.getString("ScalingActivities[1].StatusCode"));
            assertEquals("Successfully set min capacity to 5 and max capacity to 8",
                    inProgress.getString("ScalingActivities[1].StatusMessage"));
            as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", resourceId)
                    .get("/api/autoscaler/v1/scalable-targets").then().statusCode(200)
                    .body("ScalableTargets[0].MinCapacity", org.hamcrest.Matchers.equalTo(5))
                    .body("ScalableTargets[0].MaxCapacity", org.hamcrest.Matchers.equalTo(8));

            String actionId = action.path("actionId").asText();
            String fulfilled = "Successfully set desired count to 5. Change successfully fulfilled by ecs.";
            writer.send("berth.scaling-results", resourceId, outcome(actionId, resourceId, ScalingOutcome.Status.SUCCESSFUL,
                    fulfilled, 2, 5));
            JsonPath closed = awaitActivities(resourceId, a -> !"InProgress".equals(a.getString("ScalingActivities[0].StatusCode")));
            assertEquals("Successful", closed.getString("ScalingActivities[0].StatusCode"));
            assertEquals(fulfilled, closed.getString("ScalingActivities[0].StatusMessage"));

            // the same outcome again, and a contradicting one under the same action id: nothing changes
            writer.send("berth.scaling-results", resourceId, outcome(actionId, resourceId, ScalingOutcome.Status.SUCCESSFUL,
                    fulfilled, 2, 5));
            writer.send("berth.scaling-results", resourceId, outcome(actionId, resourceId, ScalingOutcome.Status.FAILED,
                    "Failed to set desired count to 5. Reason: late.", 5, 5));
            // a marker outcome after them on the same partition (same key): once it is applied, so were they
            String marker = target(1, 2, 1, false);
            String markerId = changeOf(marker, actions, writer);
            writer.send("berth.scaling-results", resourceId, outcome(markerId, marker, ScalingOutcome.Status.FAILED,
                    "Failed to set desired count to 2. Reason: marker.", 1, 1));
            awaitActivities(marker, a -> "Failed".equals(a.getString("ScalingActivities[0].StatusCode")));
            JsonPath after = activities(resourceId);
            assertEquals("Successful", after.getString("ScalingActivities[0].StatusCode"));
            assertEquals(fulfilled, after.getString("ScalingActivities[0].StatusMessage"));
            assertEquals(null, nextRun(resourceId, "morning"), "an at() that ran never runs again");
        }
    }

    /** Fires an action that raises {@code resourceId}'s minimum to 2 and answers the id of its capacity change. */
    private String changeOf(String resourceId, EventsReader actions, EventsWriter writer) throws Exception {
        put(resourceId, "marker", soon(), 2, 2);
        List<EventsReader.Event> sent = actions.read(e -> resourceId.equals(e.key()), 1, WAIT);
        assertEquals(1, sent.size(), "a scaling action for " + resourceId);
        return sent.get(0).value().path("detail").path("actionId").asText();
    }

    @Test
    void suspendedScheduledScalingFiresNothing() throws Exception {
        String suspended = target(1, 4, 1, true);
        put(suspended, "suspended", soon(), 3, 6);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (nextRun(suspended, "suspended") != null && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(null, nextRun(suspended, "suspended"), "the runner went past the action");
        assertTrue(activities(suspended).getList("ScalingActivities").isEmpty(), "no activity of a suspended target");
        as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceIds", suspended)
                .get("/api/autoscaler/v1/scalable-targets").then().statusCode(200)
                .body("ScalableTargets[0].MinCapacity", org.hamcrest.Matchers.equalTo(1))
                .body("ScalableTargets[0].MaxCapacity", org.hamcrest.Matchers.equalTo(4));
    }

    @Test
    void putScheduledActionNamesTheFieldThatIsWrong() {
        String resourceId = target(1, 4, 1, false);
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", resourceId,
                        "ScalableDimension", "ecs:service:DesiredCount", "ScheduledActionName", "bad",
                        "Schedule", "cron(nope)", "ScalableTargetAction", Map.of("MinCapacity", 1)))
                .put("/api/autoscaler/v1/scheduled-actions").then().statusCode(400).body("message", containsString("Schedule"));
        as("acme-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", resourceId,
                        "ScalableDimension", "ecs:service:DesiredCount", "ScheduledActionName", "bad",
                        "Schedule", "rate(5 minutes)", "ScalableTargetAction", Map.of("MinCapacity", 4, "MaxCapacity", 2)))
                .put("/api/autoscaler/v1/scheduled-actions").then().statusCode(400)
                .body("message", containsString("ScalableTargetAction.MinCapacity"));
        as("globex-admin").body(Map.of("ServiceNamespace", "ecs", "ResourceId", resourceId,
                        "ScalableDimension", "ecs:service:DesiredCount", "ScheduledActionName", "theirs",
                        "Schedule", "rate(5 minutes)", "ScalableTargetAction", Map.of("MinCapacity", 1)))
                .put("/api/autoscaler/v1/scheduled-actions").then().statusCode(404);
    }
}
