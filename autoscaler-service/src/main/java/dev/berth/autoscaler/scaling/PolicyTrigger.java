package dev.berth.autoscaler.scaling;

/** One scaling policy of a target with the current reading of its alarms, as the decider takes them. */
public sealed interface PolicyTrigger {

    String policyName();

    /** A target tracking policy; {@code low} is null when the policy has no low alarm (DisableScaleIn). */
    record TargetTracking(String policyName, TargetTrackingConfiguration configuration, AlarmReading high,
            AlarmReading low) implements PolicyTrigger {
    }

    /** A step scaling policy and the alarm that invokes it. */
    record Step(String policyName, StepScalingConfiguration configuration, AlarmReading alarm) implements PolicyTrigger {
    }
}
