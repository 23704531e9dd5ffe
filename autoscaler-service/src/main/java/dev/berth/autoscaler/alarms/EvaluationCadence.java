package dev.berth.autoscaler.alarms;

import java.time.Duration;
import java.time.Instant;

/**
 * How often an alarm is evaluated: every minute, every 10 seconds for the high-resolution periods
 * (under 60 s). Evaluations fall on multiples of the interval since the epoch, so each one sees a new
 * complete period as soon as the period's end has passed.
 */
public final class EvaluationCadence {

    public static final Duration STANDARD = Duration.ofMinutes(1);
    public static final Duration HIGH_RESOLUTION = Duration.ofSeconds(10);

    private EvaluationCadence() {
    }

    public static Duration intervalFor(int periodSeconds) {
        return periodSeconds < 60 ? HIGH_RESOLUTION : STANDARD;
    }

    /** The first evaluation time strictly after {@code after}. */
    public static Instant nextAfter(int periodSeconds, Instant after) {
        long interval = intervalFor(periodSeconds).toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(after.getEpochSecond(), interval) * interval + interval);
    }
}
