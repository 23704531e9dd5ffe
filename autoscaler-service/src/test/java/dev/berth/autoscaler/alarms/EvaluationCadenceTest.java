package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluationCadenceTest {

    @ParameterizedTest(name = "period {0}: every {1} s, after {2} at {3}")
    @CsvSource({
            "10,10,2026-12-03T12:00:00Z,2026-12-03T12:00:10Z",
            "20,10,2026-12-03T12:00:09.999Z,2026-12-03T12:00:10Z",
            "30,10,2026-12-03T12:00:15Z,2026-12-03T12:00:20Z",
            "60,60,2026-12-03T12:00:00Z,2026-12-03T12:01:00Z",
            "60,60,2026-12-03T12:00:59Z,2026-12-03T12:01:00Z",
            "300,60,2026-12-03T12:03:30Z,2026-12-03T12:04:00Z",
            "86400,60,2026-12-03T23:59:30Z,2026-12-04T00:00:00Z"})
    void evaluatesEveryMinuteAndEveryTenSecondsForHighResolutionPeriods(int period, long seconds, Instant after,
                                                                         Instant next) {
        assertEquals(Duration.ofSeconds(seconds), EvaluationCadence.intervalFor(period));
        assertEquals(next, EvaluationCadence.nextAfter(period, after));
    }
}
