package dev.berth.scheduler.schedules;

import dev.berth.common.error.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EventBridge's schedule expressions, with the examples of its documentation. */
class ScheduleExpressionTest {

    private static final Instant CREATED = Instant.parse("2026-11-24T09:07:00Z");

    @ParameterizedTest(name = "{0} in {1} after {2}")
    @CsvSource(delimiter = ';', textBlock = """
            cron(0 10 * * ? *)          ; UTC           ; 2026-11-24T09:30:00Z ; 2026-11-24T10:00Z[UTC] 2026-11-25T10:00Z[UTC]
            cron(15 12 * * ? *)         ; UTC           ; 2026-11-24T12:15:00Z ; 2026-11-25T12:15Z[UTC] 2026-11-26T12:15Z[UTC]
            cron(0 18 ? * MON-FRI *)    ; UTC           ; 2026-11-27T19:00:00Z ; 2026-11-30T18:00Z[UTC] 2026-12-01T18:00Z[UTC]
            cron(0 8 1 * ? *)           ; UTC           ; 2026-11-24T00:00:00Z ; 2026-12-01T08:00Z[UTC] 2027-01-01T08:00Z[UTC]
            cron(0/15 * * * ? *)        ; UTC           ; 2026-11-24T09:07:00Z ; 2026-11-24T09:15Z[UTC] 2026-11-24T09:30Z[UTC]
            cron(0/10 * ? * MON-FRI *)  ; UTC           ; 2026-11-28T12:00:00Z ; 2026-11-30T00:00Z[UTC] 2026-11-30T00:10Z[UTC]
            cron(15 10 ? * 6L 2022-2030); UTC           ; 2026-11-24T00:00:00Z ; 2026-11-27T10:15Z[UTC] 2026-12-25T10:15Z[UTC]
            cron(0 9 ? * 2#1 *)         ; UTC           ; 2026-11-24T00:00:00Z ; 2026-12-07T09:00Z[UTC] 2027-01-04T09:00Z[UTC]
            cron(0 8 * * ? *)           ; Europe/Berlin ; 2026-11-24T09:30:00Z ; 2026-11-25T08:00+01:00[Europe/Berlin] 2026-11-26T08:00+01:00[Europe/Berlin]
            rate(5 minutes)             ; UTC           ; 2026-11-24T09:10:00Z ; 2026-11-24T09:12Z[UTC] 2026-11-24T09:17Z[UTC]
            rate(1 hour)                ; UTC           ; 2026-11-24T09:07:00Z ; 2026-11-24T10:07Z[UTC] 2026-11-24T11:07Z[UTC]
            rate(1 day)                 ; UTC           ; 2026-11-20T00:00:00Z ; 2026-11-24T09:07Z[UTC] 2026-11-25T09:07Z[UTC]
            """)
    void nextRuns(String expression, String zone, String after, String expected) {
        ScheduleExpression schedule = ScheduleExpression.parse(expression, CREATED);
        List<String> runs = schedule.next(ZonedDateTime.parse(after).withZoneSameInstant(ScheduleExpression.zone(zone)), 2)
                .stream().map(ZonedDateTime::toString).toList();
        assertEquals(Arrays.asList(expected.split(" ")), runs);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            every 5 minutes       ; is neither rate
            rate(0 minutes)       ; at least 1
            rate(1 minutes)       ; singular unit for 1 ("1 minute")
            rate(5 minute)        ; plural unit for 5 ("minutes")
            rate(5 weeks)         ; is neither rate
            cron(0 12 * *)        ; needs six fields
            cron(0 12 * * * *)    ; must have ? in day-of-month or day-of-week
            cron(61 12 * * ? *)   ; is not a valid cron expression
            """)
    void refusesWhatEventBridgeRefuses(String expression, String problem) {
        InvalidScheduleException error = assertThrows(InvalidScheduleException.class,
                () -> ScheduleExpression.parse(expression, CREATED));
        assertTrue(error.getMessage().startsWith("scheduleExpression: '" + expression + "' "), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void timeZonesAreNamed() {
        assertEquals("UTC", ScheduleExpression.zone(null).getId());
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> ScheduleExpression.zone("Mars/Base"));
        assertTrue(error.getMessage().startsWith("scheduleExpressionTimezone:"), error.getMessage());
    }
}
