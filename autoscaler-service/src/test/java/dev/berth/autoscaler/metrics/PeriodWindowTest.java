package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PeriodWindowTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @ParameterizedTest(name = "start {0} ago, period {1}: {2}")
    @CsvSource({
            "PT1H, 1, SECOND",
            "PT1H, 10, SECOND",
            "PT1H, 30, SECOND",
            "PT1H, 60, MINUTE",
            "PT3H, 20, SECOND",
            "PT4H, 60, MINUTE",
            "P14D, 120, MINUTE",
            "P16D, 300, FIVE_MINUTES",
            "P63D, 600, FIVE_MINUTES",
            "P64D, 3600, HOUR",
            "P400D, 7200, HOUR"})
    void theLevelFollowsHowOldTheStartIs(String age, int period, StorageLevel level) {
        Instant start = NOW.minus(Duration.parse(age));
        assertEquals(level, PeriodWindow.of(start, NOW, period, NOW, "Period").level());
    }

    @ParameterizedTest(name = "start {0} ago, period {1} refused")
    @CsvSource({
            "PT1H, 0",
            "PT1H, 7",
            "PT1H, 15",
            "PT1H, 90",
            "PT4H, 30",
            "P16D, 60",
            "P64D, 300"})
    void periodsCloudWatchRefuses(String age, int period) {
        Instant start = NOW.minus(Duration.parse(age));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PeriodWindow.of(start, NOW, period, NOW, "Period"));
        assertEquals("Period", e.field());
    }

    @Test
    void theStartIsRoundedDownToTheLevelAndPeriodsFollowFromIt() {
        Instant start = Instant.parse("2026-06-01T10:32:34Z");
        PeriodWindow w = PeriodWindow.of(start, Instant.parse("2026-06-01T11:00:00Z"), 300, NOW, "Period");
        assertEquals(Instant.parse("2026-06-01T10:32:00Z").getEpochSecond(), w.start());
        assertEquals(6, w.periods(), "10:32, 10:37, ... 10:57 (cut short by the end)");
        assertEquals(Instant.parse("2026-06-01T10:37:00Z"), w.periodStart(1));
        PeriodWindow fiveMinutes = PeriodWindow.of(Instant.parse("2026-05-01T10:32:34Z"),
                Instant.parse("2026-05-01T11:00:00Z"), 300, NOW, "Period");
        assertEquals(Instant.parse("2026-05-01T10:30:00Z").getEpochSecond(), fiveMinutes.start());
    }

    @Test
    void atMost1440Datapoints() {
        Instant start = NOW.minus(Duration.ofMinutes(1440));
        assertEquals(1440, PeriodWindow.of(start, NOW, 60, NOW, "Period").requireAtMostMaxDatapoints("Period").periods());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PeriodWindow.of(start.minusSeconds(60),
                NOW, 60, NOW, "Period").requireAtMostMaxDatapoints("Period"));
        assertTrue(e.getMessage().contains("1441 datapoints"), e.getMessage());
    }

    @Test
    void endMustFollowStart() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PeriodWindow.of(NOW, NOW, 60, NOW, "Period"));
        assertEquals("EndTime", e.field());
    }
}
