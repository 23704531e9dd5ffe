package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmCadenceTest {

    @ParameterizedTest
    @CsvSource({
        "PT1M, 2026-12-03T12:00:00Z,     2026-12-03T12:01:00Z",
        "PT1M, 2026-12-03T12:00:59.999Z, 2026-12-03T12:01:00Z",
        "PT10S, 2026-12-03T12:00:05Z,    2026-12-03T12:00:10Z",
        "PT10S, 2026-12-03T12:00:10Z,    2026-12-03T12:00:20Z",
        "PT2S, 2026-12-03T12:00:03.5Z,   2026-12-03T12:00:04Z"
    })
    void nextIsTheFollowingMultipleOfTheInterval(Duration interval, Instant now, Instant next) {
        assertEquals(next, AlarmCadence.next(interval, now));
    }
}
