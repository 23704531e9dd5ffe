package dev.berth.autoscaler.scaling;

import java.time.Instant;

/**
 * The state of a scalable target an evaluation reads: its registration, the service's desired count,
 * whether a service deployment is in progress, the remembered cooldowns and the time of evaluation.
 */
public record ScalingContext(ScalableTarget target, int currentCount, boolean deploymentInProgress,
        CooldownState cooldowns, Instant now) {

    public ScalingContext {
        if (target == null || now == null) {
            throw new IllegalArgumentException("an evaluation needs the target and the time");
        }
        if (currentCount < 0) {
            throw new IllegalArgumentException("a desired count is never negative: " + currentCount);
        }
        cooldowns = cooldowns == null ? CooldownState.NONE : cooldowns;
    }

    CapacityRange range() {
        return target.capacity();
    }
}
