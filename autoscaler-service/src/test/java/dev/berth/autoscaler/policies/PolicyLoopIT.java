package dev.berth.autoscaler.policies;

import static dev.berth.autoscaler.scaling.AutoscalerTestClient.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The loop on real PostgreSQL and Kafka: data over a step policy's alarm puts it in ALARM, the policy scales
 * the target through berth.scaling-actions, the outcome this test answers on berth.scaling-results (as the
 * scheduler does) closes the activity, and the evaluations that repeat the action while the alarm stays in
 * ALARM do not scale again inside the cooldown.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class PolicyLoopIT {

    /** Long enough for several 10-second periods and the evaluations after them; a wait, not a speed check. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    Pool pool;

    @Inject
    ScalableTargetStore targets;

    @Inject
    ObjectMapper json;

    private String target(int min, int max, int count) {
        ScalableTargetId id = ScalableTargetId.ecsService("default", "web-" + UUID.randomUUID().toString().substring(0, 8));
        pool.withTransaction(tx -> targets.insert(tx, "acme", new ScalableTarget(id, new CapacityRange(min, max),
                SuspendedState.NONE), count)).await().indefinitely();
        return id.resourceId().toString();
    }

    /** A user's alarm acting on the policy: Maximum of a 10-second period above 50; no data keeps the state. */
    private static void alarm(String name, String namespace, String policyArn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AlarmName", name);
        body.put("Namespace", namespace);
        body.put("MetricName", "Cpu");
        body.put("Dimensions", List.of(Map.of("Name", "Service", "Value", "web")));
        body.put("Statistic", "Maximum");
        body.put("Period", 10);
        body.put("EvaluationPeriods", 1);
        body.put("Threshold", 50.0);
        body.put("ComparisonOperator", "GreaterThanThreshold");
        body.put("TreatMissingData", "ignore");
        body.put("AlarmActions", List.of(policyArn));
        as("acme-admin").body(body).post(ScalingPoliciesIT.ALARMS).then().statusCode(204);
    }

    /** {@code value} at every 10 s from 15 s ago for three minutes: the breach lasts through the test. */
    private static void breach(String namespace, double value) {
        Instant first = Instant.now().minusSeconds(15);
        List<Map<String, Object>> data = IntStream.range(0, 18).mapToObj(i -> {
            Map<String, Object> datum = new LinkedHashMap<>();
            datum.put("MetricName", "Cpu");
            datum.put("Dimensions", List.of(Map.of("Name", "Service", "Value", "web")));
            datum.put("Timestamp", first.plusSeconds(10L * i).toString());
            datum.put("Value", value);
            datum.put("StorageResolution", 1);
            return datum;
        }).toList();
        as("acme-deployer").body(Map.of("Namespace", namespace, "MetricData", data)).post("/api/autoscaler/v1/metric-data")
                .then().statusCode(204);
    }

    private static JsonPath activities(String resourceId, boolean includeNotScaled) {
        return as("acme-viewer").queryParam("ServiceNamespace", "ecs").queryParam("ResourceId", resourceId)
                .queryParam("IncludeNotScaledActivities", includeNotScaled)
                .get("/api/autoscaler/v1/scaling-activities").then().statusCode(200).extract().jsonPath();
    }

    /** How many times the alarm's actions ran (Action items of its history). */
    private static int actionRuns(String alarmName) {
        return as("acme-viewer").queryParam("AlarmName", alarmName).queryParam("HistoryItemType", "Action")
                .get("/api/autoscaler/v1/alarm-history").then().statusCode(200).extract().jsonPath()
                .getList("AlarmHistoryItems").size();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("waited for " + what + "; last seen: " + last);
            }
            Thread.sleep(500);
            last = read.get();
        }
        return last;
    }

    private String outcome(String actionId, String resourceId, String message, int before, int after) throws Exception {
        return json.writeValueAsString(new EventEnvelope<>(ScalingOutcome.TYPE, ScalingOutcome.VERSION, "outcome/" + actionId,
                "acme", Instant.now(), null, new ScalingOutcome(actionId, resourceId, ScalingOutcome.Status.SUCCESSFUL,
                message, before, after)));
    }

    @Test
    void aBreachScalesOnceAndTheCooldownHoldsTheRepeatedActions() throws Exception {
        String resourceId = target(1, 10, 2);
        String arn = ScalingPoliciesIT.put(ScalingPoliciesIT.step(resourceId, "step-out",
                List.of(Map.of("MetricIntervalLowerBound", 0, "ScalingAdjustment", 2)), 300)).getString("PolicyARN");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String namespace = "Test/loop-" + suffix;
        String alarmName = "web-busy-" + suffix;
        String cause = "monitor alarm " + alarmName + " in state ALARM triggered policy step-out";
        try (EventsReader actions = EventsReader.atEndOf("berth.scaling-actions"); EventsWriter writer = EventsWriter.open()) {
            alarm(alarmName, namespace, arn);
            breach(namespace, 90);

            List<EventsReader.Event> sent = actions.read(e -> resourceId.equals(e.key()), 1, WAIT);
            assertEquals(1, sent.size(), "a scaling action for " + resourceId);
            JsonNode action = sent.getFirst().value().path("detail");
            assertEquals("acme", sent.getFirst().value().path("tenant").asText());
            assertEquals(4, action.path("desiredCount").asInt(), "2 tasks + 2");
            assertEquals(cause, action.path("cause").asText());
            assertEquals("ALARM", ScalingPoliciesIT.alarms(List.of(alarmName)).getFirst().get("StateValue"));

            JsonPath inProgress = activities(resourceId, true);
            assertEquals(1, inProgress.getList("ScalingActivities").size(), inProgress.prettify());
            assertEquals("Setting desired count to 4.", inProgress.getString("ScalingActivities[0].Description"));
            assertEquals(cause, inProgress.getString("ScalingActivities[0].Cause"));
            assertEquals("InProgress", inProgress.getString("ScalingActivities[0].StatusCode"));
            assertEquals(action.path("actionId").asText(), inProgress.getString("ScalingActivities[0].ActivityId"));

            String fulfilled = "Successfully set desired count to 4. Change successfully fulfilled by ecs.";
            writer.send("berth.scaling-results", resourceId, outcome(action.path("actionId").asText(), resourceId, fulfilled, 2, 4));
            await(() -> activities(resourceId, false).getString("ScalingActivities[0].StatusCode"), "Successful"::equals,
                    "the activity closed by the outcome");
            assertEquals(1, activities(resourceId, true).getList("ScalingActivities").size(), "one capacity change");

            // the alarm stays in ALARM and repeats the action at each evaluation: inside the cooldown, nothing more
            int runs = actionRuns(alarmName);
            await(() -> actionRuns(alarmName), n -> n >= runs + 2, "two more evaluations in ALARM");
            assertEquals("ALARM", ScalingPoliciesIT.alarms(List.of(alarmName)).getFirst().get("StateValue"));
            JsonPath after = activities(resourceId, true);
            assertEquals(1, after.getList("ScalingActivities").size(), after.prettify());
            assertEquals("Successful", after.getString("ScalingActivities[0].StatusCode"));
            assertEquals(fulfilled, after.getString("ScalingActivities[0].StatusMessage"));
            assertEquals(List.of(), actions.read(e -> resourceId.equals(e.key()), 1, Duration.ofSeconds(1)),
                    "no second scaling action");
        }
    }

    @Test
    void aTargetAtItsMaximumRecordsANotScaledActivity() throws Exception {
        String resourceId = target(1, 2, 2);
        String arn = ScalingPoliciesIT.put(ScalingPoliciesIT.step(resourceId, "step-out",
                List.of(Map.of("MetricIntervalLowerBound", 0, "ScalingAdjustment", 1)), 300)).getString("PolicyARN");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String namespace = "Test/loop-" + suffix;
        String alarmName = "web-busy-" + suffix;
        alarm(alarmName, namespace, arn);
        breach(namespace, 90);

        JsonPath notScaled = await(() -> activities(resourceId, true), a -> !a.getList("ScalingActivities").isEmpty(),
                "a not-scaled activity");
        assertEquals("Failed", notScaled.getString("ScalingActivities[0].StatusCode"));
        assertEquals("AlreadyAtMaxCapacity", notScaled.getString("ScalingActivities[0].NotScaledReasons[0].Code"));
        assertEquals(2, notScaled.getInt("ScalingActivities[0].NotScaledReasons[0].MaxCapacity"));
        assertEquals("monitor alarm " + alarmName + " in state ALARM triggered policy step-out",
                notScaled.getString("ScalingActivities[0].Cause"));
        assertTrue(activities(resourceId, false).getList("ScalingActivities").isEmpty(),
                "not-scaled activities only when asked for");

        // the alarm stays in ALARM and repeats its action: the same decision is not written again
        int runs = actionRuns(alarmName);
        await(() -> actionRuns(alarmName), n -> n >= runs + 2, "two more evaluations in ALARM");
        JsonPath after = activities(resourceId, true);
        assertEquals(1, after.getList("ScalingActivities").size(), after.prettify());
    }
}
