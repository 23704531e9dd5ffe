package dev.berth.autoscaler.scaling;

import java.time.Duration;
import java.time.Instant;

/**
 * What a scalable target remembers of its last dynamic scaling, stored by the caller after each applied
 * scale: when the last scale-out happened and how many tasks it (and the scale-outs within its cooldown)
 * added, and when the last scale-in happened. Each policy measures with its own cooldown. A scale-in
 * leaves the scale-out reference alone; a scale-out ends the scale-in cooldown.
 */
public record CooldownState(Instant lastScaleOutAt, int lastScaleOutAmount, Instant lastScaleInAt) {

    public static final CooldownState NONE = new CooldownState(null, 0, null);

    /**
     * Tasks the last scale-out added that still count toward the next one: during the scale-out cooldown,
     * a later +3 after +2 adds 1.
     */
    public int countedScaleOut(Instant now, Duration scaleOutCooldown) {
        return lastScaleOutAt != null && now.isBefore(lastScaleOutAt.plus(scaleOutCooldown)) ? lastScaleOutAmount : 0;
    }

    /** Whether a scale-in must still wait for the cooldown of the last scale-in. */
    public boolean scaleInWaits(Instant now, Duration scaleInCooldown) {
        return lastScaleInAt != null && now.isBefore(lastScaleInAt.plus(scaleInCooldown));
    }

    /** The state once {@code scale} took effect at {@code at}. */
    public CooldownState after(ScalingDecision.Scale scale, Instant at) {
        if (scale.direction() == ScalingDirection.OUT) {
            return new CooldownState(at, scale.newCount() - scale.countedFrom(), null);
        }
        return new CooldownState(lastScaleOutAt, lastScaleOutAmount, at);
    }
}
