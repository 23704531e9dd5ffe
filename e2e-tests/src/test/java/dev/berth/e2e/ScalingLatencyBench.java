package dev.berth.e2e;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long from the start of a sustained breach to the service's new desired count, on the whole
 * platform with a real agent; run by hand (its name is neither *Test nor *IT):
 * {@code flock /tmp/berth-tests.lock mvn -B -o verify -pl e2e-tests -am -Dtest=ScalingLatencyBench
 * -Dsurefire.failIfNoSpecifiedTests=false}. A step policy (+1, no cooldown) acts on an alarm over a
 * metric that PutMetricData feeds every second: 10 below the threshold, then 600 above it from a
 * random moment on, until DescribeServices shows the new count. Berth's high resolution (10-second
 * period, 1 of 1) is tried several times; AWS's default for target tracking (60-second periods,
 * 3 of 3) once. It prints each figure; it checks nothing.
 */
class ScalingLatencyBench {

    private static final Duration GIVE_UP = Duration.ofMinutes(8);

    @TempDir
    static Path dir;

    @Test
    void breachToDesiredCount() throws Exception {
        try (ScalingCluster scaling = ScalingCluster.start(dir)) {
            List<Double> highResolution = new ArrayList<>();
            for (int trial = 0; trial < 6; trial++) {
                highResolution.add(trial(scaling, "fast-" + trial, 10, 1));
            }
            double standard = trial(scaling, "standard", 60, 3);
            System.out.printf("BENCH breach to desired count, 10 s period 1 of 1: %s s (max %.1f s)%n", highResolution,
                    highResolution.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            System.out.printf("BENCH breach to desired count, 60 s periods 3 of 3: %.1f s%n", standard);
        }
    }

    /** Seconds from the first breaching data point to the new desired count. */
    private static double trial(ScalingCluster scaling, String name, int period, int evaluationPeriods) throws Exception {
        scaling.createService(name, 64, "sleep 86400");
        scaling.registerTarget(name, 1, 5);
        String policy = scaling.putPolicy(name, "step", "StepScaling", "StepScalingPolicyConfiguration",
                Map.of("AdjustmentType", "ChangeInCapacity", "Cooldown", 0,
                        "StepAdjustments", List.of(Map.of("MetricIntervalLowerBound", 0, "ScalingAdjustment", 1))))
                .getString("PolicyARN");
        String namespace = "Latency/" + scaling.run() + "/" + name;
        scaling.putAlarm(ScalingCluster.queueDepthAlarm(name + "-" + scaling.run(), namespace, period, evaluationPeriods,
                100, policy));
        AtomicReference<Double> value = new AtomicReference<>(10.0);
        Thread feeder = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ScalingCluster.putQueueDepth(namespace, value.get());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        try {
            // fine data for a while, so the breach starts anywhere in a period
            Thread.sleep(Duration.ofSeconds(period * (evaluationPeriods + 1L)).plusMillis(
                    ThreadLocalRandom.current().nextLong(period * 1000L)).toMillis());
            long breach = System.nanoTime();
            value.set(600.0);
            long deadline = breach + GIVE_UP.toNanos();
            while (System.nanoTime() < deadline) {
                JsonPath service = ScalingCluster.as("acme-viewer").get(scaling.service(name)).then().extract().jsonPath();
                if (service.getInt("service.desiredCount") > 1) {
                    double seconds = (System.nanoTime() - breach) / 1e9;
                    System.out.printf("BENCH %s: %.1f s%n", name, seconds);
                    return seconds;
                }
                Thread.sleep(200);
            }
            throw new AssertionError(name + ": no new desired count within " + GIVE_UP);
        } finally {
            feeder.interrupt();
            feeder.join();
        }
    }
}
