package dev.berth.autoscaler.alarms;

import java.time.Duration;
import java.time.Instant;

/**
 * When an alarm is evaluated next: on multiples of its interval since the epoch (as {@link EvaluationCadence}),
 * the interval being a setting so that tests can shorten it.
 */
final class AlarmCadence {

    private AlarmCadence() {
    }

    /** The first multiple of {@code interval} strictly after {@code now}. */
    static Instant next(Duration interval, Instant now) {
        long millis = interval.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis + millis);
    }
}
