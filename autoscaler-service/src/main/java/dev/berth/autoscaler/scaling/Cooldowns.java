package dev.berth.autoscaler.scaling;

import java.time.Duration;

/** Cooldown, ScaleOutCooldown and ScaleInCooldown: whole seconds, 0 to a day, 300 when left out. */
final class Cooldowns {

    private Cooldowns() {
    }

    static Duration parse(Integer seconds, String field) {
        if (seconds == null) {
            return ScalingLimits.DEFAULT_COOLDOWN;
        }
        if (seconds < 0 || seconds > ScalingLimits.MAX_COOLDOWN_SECONDS) {
            throw ValidationErrors.invalid(field, "must be between 0 and " + ScalingLimits.MAX_COOLDOWN_SECONDS + " seconds, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
