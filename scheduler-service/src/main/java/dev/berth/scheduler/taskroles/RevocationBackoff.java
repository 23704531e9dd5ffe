package dev.berth.scheduler.taskroles;

import java.time.Duration;

/** How long a failed revocation waits before the next try: doubling from 2 s, at most 5 minutes, never given up. */
public final class RevocationBackoff {

    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofMinutes(5);

    private RevocationBackoff() {
    }

    /** The wait after the {@code attempts}-th failed try (1 for the first). */
    public static Duration after(int attempts) {
        if (attempts <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempts - 1, 20);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
