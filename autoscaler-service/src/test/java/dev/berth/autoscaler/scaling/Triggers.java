package dev.berth.autoscaler.scaling;

import dev.berth.autoscaler.alarms.AlarmState;
import java.time.Instant;
import java.util.List;

/** Targets, contexts and policy triggers for the decider's tests. */
final class Triggers {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final ScalableTargetId WEB = ScalableTargetId.ecsService("default", "web");

    private Triggers() {
    }

    static ScalableTarget target(int min, int max) {
        return ScalableTarget.register(null, WEB, min, max, null, null, null);
    }

    static ScalingContext context(int min, int max, int current) {
        return new ScalingContext(target(min, max), current, false, CooldownState.NONE, NOW);
    }

    /** A CPU target tracking policy at {@code target} %; states of its high and low alarms; the metric value. */
    static PolicyTrigger.TargetTracking tracking(String name, double target, AlarmState high, AlarmState low, Double metric,
            boolean disableScaleIn) {
        TargetTrackingConfiguration config = TargetTrackingConfiguration.of(target,
                TrackedMetric.Predefined.of("ECSServiceAverageCPUUtilization", null), null, null, null, disableScaleIn, null);
        return new PolicyTrigger.TargetTracking(name, config,
                new AlarmReading("TargetTracking-service/default/web-AlarmHigh-" + name, high, target, metric),
                disableScaleIn ? null : new AlarmReading("TargetTracking-service/default/web-AlarmLow-" + name, low,
                        TargetTrackingAlarms.lowThreshold(target), metric));
    }

    static PolicyTrigger.TargetTracking tracking(String name, double target, AlarmState high, AlarmState low, Double metric) {
        return tracking(name, target, high, low, metric, false);
    }

    /** A step policy whose alarm ({@code threshold}) is in ALARM with the aggregated {@code metric}. */
    static PolicyTrigger.Step step(String name, String type, String steps, double threshold, double metric) {
        StepScalingConfiguration config = StepScalingConfiguration.of(type, StepScalingConfigurationTest.steps(steps), null,
                null, null);
        return new PolicyTrigger.Step(name, config, new AlarmReading(name + "-alarm", AlarmState.ALARM, threshold, metric));
    }

    static ScalingDecision decide(ScalingContext context, PolicyTrigger... triggers) {
        return ScalingDecider.decide(context, List.of(triggers));
    }
}
