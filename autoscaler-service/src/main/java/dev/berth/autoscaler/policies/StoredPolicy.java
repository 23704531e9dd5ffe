package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.scaling.PolicyType;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import java.time.Instant;
import java.util.List;

/**
 * A scaling policy as stored: its configuration as the request gave it (one of the two, by type) and the
 * names of the alarms it created (target tracking: the high one, then the low one if any).
 */
public record StoredPolicy(String tenant, ScalableTargetId target, String name, String arn, PolicyType type,
        PolicyMessages.TargetTrackingScalingPolicyConfiguration targetTracking,
        PolicyMessages.StepScalingPolicyConfiguration step, List<String> alarmNames, Instant createdAt) {

    public StoredPolicy {
        alarmNames = List.copyOf(alarmNames);
    }

    /** The checked configuration (stored ones passed the checks when they were put). */
    public PolicyConfiguration configuration() {
        return PolicyConfigurations.of(type, targetTracking, step);
    }
}
