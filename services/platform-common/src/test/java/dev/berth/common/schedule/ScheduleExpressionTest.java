package dev.berth.common.schedule;

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

/** EventBridge's and Application Auto Scaling's schedule expressions, with the examples of their documentation. */
class ScheduleExpressionTest {

    private static final ScheduleSyntax RULE = ScheduleSyntax.EVENT_BRIDGE_RULE;
    private static final ScheduleSyntax ACTION = ScheduleSyntax.SCHEDULED_ACTION;

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
        ScheduleExpression schedule = ScheduleExpression.parse(expression, CREATED, ScheduleSyntax.EVENT_BRIDGE_RULE);
        List<String> runs = schedule.next(ZonedDateTime.parse(after).withZoneSameInstant(ScheduleExpression.zone(zone, RULE)), 2)
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
            at(2026-12-24T18:00:00); is neither rate
            cron(0 12 * *)        ; needs six fields
            cron(0 12 * * * *)    ; must have ? in day-of-month or day-of-week
            cron(61 12 * * ? *)   ; is not a valid cron expression
            """)
    void refusesWhatEventBridgeRefuses(String expression, String problem) {
        InvalidScheduleException error = assertThrows(InvalidScheduleException.class,
                () -> ScheduleExpression.parse(expression, CREATED, RULE));
        assertTrue(error.getMessage().startsWith("scheduleExpression: '" + expression + "' "), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void timeZonesAreNamed() {
        assertEquals("UTC", ScheduleExpression.zone(null, RULE).getId());
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> ScheduleExpression.zone("Mars/Base", RULE));
        assertTrue(error.getMessage().startsWith("scheduleExpressionTimezone:"), error.getMessage());
    }

    /** A daily 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer (clocks change 2027-03-28 and -10-31). */
    @ParameterizedTest(name = "{0} in {1} after {2}")
    @CsvSource(delimiter = ';', textBlock = """
            cron(0 9 * * ? *)       ; Europe/Berlin    ; 2027-03-26T12:00:00Z ; 2027-03-27T08:00:00Z 2027-03-28T07:00:00Z 2027-03-29T07:00:00Z
            cron(0 9 * * ? *)       ; Europe/Berlin    ; 2027-10-29T12:00:00Z ; 2027-10-30T07:00:00Z 2027-10-31T08:00:00Z 2027-11-01T08:00:00Z
            cron(30 1 * * ? *)      ; America/New_York ; 2027-03-13T12:00:00Z ; 2027-03-14T06:30:00Z 2027-03-15T05:30:00Z 2027-03-16T05:30:00Z
            at(2027-03-28T09:00:00) ; Europe/Berlin    ; 2027-03-26T12:00:00Z ; 2027-03-28T07:00:00Z
            at(2027-03-28T02:30:00) ; Europe/Berlin    ; 2027-03-26T12:00:00Z ; 2027-03-28T01:30:00Z
            at(2027-03-28T09:00:00) ; Europe/Berlin    ; 2027-03-28T07:00:00Z ;
            rate(1 day)             ; Europe/Berlin    ; 2027-03-27T07:00:00Z ; 2027-03-28T07:00:00Z 2027-03-29T07:00:00Z 2027-03-30T07:00:00Z
            """)
    void scheduledActionsFireOnTheWallClockOfTheirZone(String expression, String zone, String after, String expected) {
        ScheduleExpression schedule = ScheduleExpression.parse(expression, Instant.parse("2027-03-26T07:00:00Z"), ACTION);
        List<String> runs = schedule.next(Instant.parse(after).atZone(ScheduleExpression.zone(zone, ACTION)), 3)
                .stream().map(run -> run.toInstant().toString()).toList();
        assertEquals(expected == null ? List.of() : Arrays.asList(expected.split(" ")), runs);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            at(2027-02-30T10:00:00) ; is not a date and time that exists
            at(2027-02-03 10:00:00) ; is neither at(yyyy-mm-ddThh:mm:ss), rate
            at(2027-02-03T10:00)    ; is neither at(yyyy-mm-ddThh:mm:ss), rate
            cron(0 12 * *)          ; needs six fields
            """)
    void scheduledActionErrorsNameSchedule(String expression, String problem) {
        InvalidScheduleException error = assertThrows(InvalidScheduleException.class,
                () -> ScheduleExpression.parse(expression, CREATED, ACTION));
        assertTrue(error.getMessage().startsWith("Schedule: '" + expression + "' "), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
        InvalidInputException zone = assertThrows(InvalidInputException.class, () -> ScheduleExpression.zone("Mars/Base", ACTION));
        assertTrue(zone.getMessage().startsWith("Timezone:"), zone.getMessage());
    }

    @Test
    void aScheduleLongerThanAwsTakesIsRefused() {
        String text = "cron(" + "0,".repeat(900) + "0 12 * * ? *)";
        InvalidScheduleException error = assertThrows(InvalidScheduleException.class,
                () -> ScheduleExpression.parse(text, CREATED, ACTION));
        assertTrue(error.getMessage().contains("longer than 1600 characters"), error.getMessage());
    }
}
