package dev.berth.autoscaler.ecsmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueWindowsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // window s, cursor, now, from, until (lateness 2 s, catch-up 15 min)
            // first run: nothing is written, the cursor starts at the latest due end
            "10, null, 12:00:31, 12:00:20, 12:00:20",
            // the window [12:00:20, 12:00:30) is due 2 s after its end, not before
            "10, 12:00:20, 12:00:31, 12:00:20, 12:00:20",
            "10, 12:00:20, 12:00:32, 12:00:20, 12:00:30",
            // after a stop, every window missed since the cursor
            "10, 12:00:20, 12:03:05, 12:00:20, 12:03:00",
            // but none older than the catch-up limit
            "10, 11:00:00, 12:30:05, 12:15:00, 12:30:00",
            // AWS's 1-minute windows
            "60, 12:00:00, 12:01:01, 12:00:00, 12:00:00",
            "60, 12:00:00, 12:01:02, 12:00:00, 12:01:00",
            "60, 12:00:00, 12:03:30, 12:00:00, 12:03:00"})
    void windowsAreDueTheLatenessAfterTheirEnd(int window, String cursor, String now, String from, String until) {
        DueWindows due = DueWindows.of(Optional.ofNullable(cursor).map(DueWindowsTest::at), at(now),
                Duration.ofSeconds(window), Duration.ofSeconds(2), Duration.ofMinutes(15));
        assertEquals(new DueWindows(at(from), at(until)), due);
        assertEquals(from.equals(until), due.none());
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-01T" + time + "Z");
    }
}
