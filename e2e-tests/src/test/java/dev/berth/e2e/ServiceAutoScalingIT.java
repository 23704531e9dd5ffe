package dev.berth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service auto scaling on real containers, as a user drives it through the gateway: a service whose
 * container burns CPU scales out under a 50 % target-tracking policy and back in once the load stops;
 * a step policy on a user's alarm scales a service when PutMetricData breaches it. Activities, alarms
 * and alarm history tell the story in AWS's words.
 */
class ServiceAutoScalingIT {

    /** Bounds on waits, not speed checks: scale-out takes about 40 s here, scale-in about 3 minutes. */
    private static final Duration SCALE_OUT_WAIT = Duration.ofMinutes(3);
    private static final Duration SCALE_IN_WAIT = Duration.ofMinutes(6);

    @TempDir
    static Path dir;

    private static ScalingCluster scaling;

    @BeforeAll
    static void aClusterWithAnAgent() throws Exception {
        scaling = ScalingCluster.start(dir);
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (scaling != null) {
            scaling.close();
        }
    }

    @Test
    void aBusyServiceScalesOutUnderTargetTrackingAndBackInWhenTheLoadStops() throws Exception {
        // one task busy half of the time on one core, about 100 % of its 512 cpu units, at the lowest
        // priority, until the test touches /stop
        scaling.createService("burner", 512, "renice -n 19 -p $$ >/dev/null; while [ ! -e /stop ]; do i=0; "
                + "while [ $i -lt 100000 ]; do i=$((i+1)); done; usleep 200000; done; echo load stopped; sleep 86400");
        scaling.registerTarget("burner", 1, 2);
        Map<String, Object> tracking = new LinkedHashMap<>();
        tracking.put("TargetValue", 50.0);
        tracking.put("PredefinedMetricSpecification",
                Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilizationHighResolution"));
        tracking.put("ScaleOutCooldown", 30);
        tracking.put("ScaleInCooldown", 10);
        JsonPath policy = scaling.putPolicy("burner", "cpu50", "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration",
                tracking);
        List<String> alarms = policy.getList("Alarms.AlarmName");
        assertEquals(2, alarms.size(), policy.prettify());
        String high = alarms.get(0);
        String low = alarms.get(1);

        JsonPath out = scaling.awaitService("burner", n -> n == 2, SCALE_OUT_WAIT);
        assertEquals(2, out.getInt("service.desiredCount"));
        scaling.awaitRunning("burner", 2, SCALE_OUT_WAIT);
        Map<String, Object> scaledOut = scaling.awaitActivity("burner", "Setting desired count to 2.", SCALE_OUT_WAIT);
        assertEquals("Successful", scaledOut.get("StatusCode"), scaledOut.toString());
        assertEquals("Successfully set desired count to 2. Change successfully fulfilled by ecs.",
                scaledOut.get("StatusMessage"));
        assertTrue(((String) scaledOut.get("Cause")).contains("monitor alarm " + high + " in state ALARM triggered policy cpu50"),
                scaledOut.toString());
        assertTrue(scaling.history(high, "StateUpdate").stream().anyMatch(s -> s.endsWith("to ALARM")),
                "the high alarm's history shows it going to ALARM");

        // the load stops in every task; 15 ten-second periods under 45 % put the low alarm in ALARM
        for (String task : scaling.serviceTasks("burner")) {
            scaling.docker("exec", "berth-" + task.substring(task.lastIndexOf('/') + 1) + "-app", "/bin/busybox", "touch", "/stop")
                    .requireSuccess();
        }
        scaling.awaitService("burner", n -> n == 1, SCALE_IN_WAIT);
        scaling.awaitRunning("burner", 1, SCALE_IN_WAIT);
        Map<String, Object> scaledIn = scaling.awaitActivity("burner", "Setting desired count to 1.", SCALE_IN_WAIT);
        assertEquals("Successful", scaledIn.get("StatusCode"), scaledIn.toString());
        assertTrue(((String) scaledIn.get("Cause")).contains("monitor alarm " + low + " in state ALARM triggered policy cpu50"),
                scaledIn.toString());
        assertTrue(scaling.history(low, "StateUpdate").stream().anyMatch(s -> s.endsWith("to ALARM")),
                "the low alarm's history shows it going to ALARM");
        assertTrue(scaling.history(low, "Action").stream().anyMatch(s -> s.contains("cpu50")), "the low alarm ran the policy");
    }

    @Test
    void aStepPolicyScalesWhenPutMetricDataBreachesItsAlarm() throws Exception {
        scaling.createService("queue-worker", 64, "sleep 86400");
        scaling.registerTarget("queue-worker", 1, 4);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("AdjustmentType", "ChangeInCapacity");
        step.put("StepAdjustments", List.of(Map.of("MetricIntervalLowerBound", 0, "MetricIntervalUpperBound", 400,
                "ScalingAdjustment", 1), Map.of("MetricIntervalLowerBound", 400, "ScalingAdjustment", 2)));
        step.put("Cooldown", 600);
        String policyArn = scaling.putPolicy("queue-worker", "backlog", "StepScaling", "StepScalingPolicyConfiguration", step)
                .getString("PolicyARN");
        String alarm = "queue-backlog-" + scaling.run();
        String namespace = "Shop/" + scaling.run();
        // Berth's high resolution: a 10-second period, 1 of 1
        scaling.putAlarm(ScalingCluster.queueDepthAlarm(alarm, namespace, 10, 1, 100, policyArn));

        // a backlog of 600: 500 above the threshold, the second step (+2) applies
        long deadline = System.nanoTime() + SCALE_OUT_WAIT.toNanos();
        while (scaling.desiredCount("queue-worker") == 1 && System.nanoTime() < deadline) {
            ScalingCluster.putQueueDepth(namespace, 600);
            Thread.sleep(2000);
        }
        assertEquals(3, scaling.desiredCount("queue-worker"), "1 + 2 from the step for 500 above the threshold");
        scaling.awaitRunning("queue-worker", 3, SCALE_OUT_WAIT);
        Map<String, Object> activity = scaling.awaitActivity("queue-worker", "Setting desired count to 3.", SCALE_OUT_WAIT);
        assertEquals("Successful", activity.get("StatusCode"), activity.toString());
        assertTrue(((String) activity.get("Cause")).contains("monitor alarm " + alarm + " in state ALARM triggered policy backlog"),
                activity.toString());
        // the alarm stays in ALARM and repeats its action, but the 600 s cooldown lets no second step in
        int runs = scaling.history(alarm, "Action").size();
        long until = System.nanoTime() + SCALE_OUT_WAIT.toNanos();
        while (scaling.history(alarm, "Action").size() < runs + 2 && System.nanoTime() < until) {
            ScalingCluster.putQueueDepth(namespace, 600);
            Thread.sleep(2000);
        }
        assertTrue(scaling.history(alarm, "Action").size() >= runs + 2, "two more evaluations ran the policy");
        assertEquals(3, scaling.desiredCount("queue-worker"));
    }
}
