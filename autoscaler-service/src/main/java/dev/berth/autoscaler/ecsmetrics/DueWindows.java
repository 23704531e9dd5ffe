package dev.berth.autoscaler.ecsmetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which windows are due: those that end at or before {@code now − lateness}, from the cursor (the end
 * of the last closed window) on, but none older than the catch-up limit. On the first run (no cursor)
 * nothing is written: the cursor starts at the latest due end.
 *
 * @param from  the start of the first window to close
 * @param until the end of the last; {@code from == until} when none is due
 */
public record DueWindows(Instant from, Instant until) {

    public static DueWindows of(Optional<Instant> cursor, Instant now, Duration window, Duration lateness,
                                Duration catchUp) {
        Instant until = floor(now.minus(lateness), window);
        if (cursor.isEmpty()) {
            return new DueWindows(until, until);
        }
        Instant oldest = floor(now.minus(catchUp), window);
        Instant from = cursor.get().isBefore(oldest) ? oldest : cursor.get();
        return new DueWindows(from.isBefore(until) ? from : until, until);
    }

    public boolean none() {
        return !from.isBefore(until);
    }

    /** The start of the window {@code instant} falls in; windows start on multiples of their length since the epoch. */
    public static Instant floor(Instant instant, Duration window) {
        long seconds = window.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
    }
}
