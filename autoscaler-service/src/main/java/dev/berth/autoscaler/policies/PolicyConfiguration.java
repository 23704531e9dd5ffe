package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.scaling.StepScalingConfiguration;
import dev.berth.autoscaler.scaling.TargetTrackingConfiguration;

/** A policy's checked configuration: exactly one of the two, by its PolicyType. */
public sealed interface PolicyConfiguration {

    record TargetTracking(TargetTrackingConfiguration configuration) implements PolicyConfiguration {
    }

    record Step(StepScalingConfiguration configuration) implements PolicyConfiguration {
    }
}
