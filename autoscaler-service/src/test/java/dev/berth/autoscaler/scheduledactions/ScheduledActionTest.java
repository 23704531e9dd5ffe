package dev.berth.autoscaler.scheduledactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scheduled actions: when they run, what they change, and what PutScheduledAction refuses. */
class ScheduledActionTest {

    private static final Instant CREATED = Instant.parse("2027-03-20T10:00:00Z");

    private static Instant at(String text) {
        return text == null ? null : Instant.parse(text);
    }

    @ParameterizedTest(name = "{0} in {1} from {2} to {3}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            cron(0 9 * * ? *)       ; Europe/Berlin ; -                    ; -                    ; 2027-03-27T08:00:00Z 2027-03-28T07:00:00Z 2027-03-29T07:00:00Z
            cron(0 9 * * ? *)       ; Europe/Berlin ; 2027-03-28T12:00:00Z ; -                    ; 2027-03-29T07:00:00Z 2027-03-30T07:00:00Z 2027-03-31T07:00:00Z
            cron(0 9 * * ? *)       ; Europe/Berlin ; -                    ; 2027-03-28T07:00:00Z ; 2027-03-27T08:00:00Z 2027-03-28T07:00:00Z
            cron(0 9 * * ? *)       ; UTC           ; -                    ; -                    ; 2027-03-27T09:00:00Z 2027-03-28T09:00:00Z 2027-03-29T09:00:00Z
            at(2027-03-28T02:30:00) ; Europe/Berlin ; -                    ; -                    ; 2027-03-28T01:30:00Z
            at(2027-03-26T12:00:00) ; UTC           ; -                    ; -                    ;
            rate(6 hours)           ; UTC           ; 2027-03-27T13:30:00Z ; -                    ; 2027-03-27T19:30:00Z 2027-03-28T01:30:00Z 2027-03-28T07:30:00Z
            rate(6 hours)           ; UTC           ; -                    ; -                    ; 2027-03-27T10:00:00Z 2027-03-27T16:00:00Z 2027-03-27T22:00:00Z
            """)
    void runsWithinItsStartAndEndTime(String schedule, String zone, String start, String end, String expected) {
        ScheduledAction action = ScheduledAction.of("scale", schedule, zone, at(start), at(end), 2, 10, CREATED);
        List<String> runs = new ArrayList<>();
        Instant after = Instant.parse("2027-03-27T07:00:00Z");
        for (Optional<Instant> next = action.nextRunAfter(after); next.isPresent() && runs.size() < 3;
             next = action.nextRunAfter(next.get())) {
            runs.add(next.get().toString());
        }
        assertEquals(expected == null ? List.of() : Arrays.asList(expected.split(" ")), runs);
    }

    @ParameterizedTest(name = "min {3} max {4} on {0}..{1} desired {2}")
    @CsvSource(nullValues = "-", textBlock = """
            1, 10,  3, 5,  20, 5, 20,  5
            1, 10,  8, -,   6, 1,  6,  6
            1, 10,  8, 2,   -, 2, 10,  8
            1, 10,  0, 0,   0, 0,  0,  0
            2, 10,  4, 5,   -, 5, 10,  5
            """)
    void boundsReplaceAndTheCountFollowsThem(int min, int max, int desired, Integer newMin, Integer newMax,
                                             int expectedMin, int expectedMax, int expectedDesired) {
        ScheduledAction action = ScheduledAction.of("a", "cron(0 9 * * ? *)", null, null, null, newMin, newMax, CREATED);
        assertEquals(Optional.of(new ScheduledCapacity(expectedMin, expectedMax, expectedDesired)),
                new ScheduledCapacity(min, max, desired).after(action));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            min above the target's max, 1, 10, 5, 12, -
            max below the target's min, 4, 10, 5,  -, 3
            """)
    void boundsThatContradictTheOnesLeftChangeNothing(String name, int min, int max, int desired, Integer newMin,
                                                      Integer newMax) {
        ScheduledAction action = ScheduledAction.of("a", "cron(0 9 * * ? *)", null, null, null, newMin, newMax, CREATED);
        assertEquals(Optional.empty(), new ScheduledCapacity(min, max, desired).after(action));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            first-scheduled-action ; 15 ; 20 ; Setting min capacity to 15 and max capacity to 20
            night                  ; 0  ; -  ; Setting min capacity to 0
            night                  ; -  ; 3  ; Setting max capacity to 3
            """)
    void activityTextsAreAws(String name, Integer min, Integer max, String description) {
        ScheduledAction action = ScheduledAction.of(name, "rate(1 day)", null, null, null, min, max, CREATED);
        assertEquals(description, ScheduledCapacity.boundsDescription(action));
        assertEquals("scheduled action name " + name + " was triggered", ScheduledCapacity.boundsCause(action));
        assertEquals("minimum capacity was set to 15",
                new ScheduledCapacity(15, 20, 15).countCause(new ScheduledCapacity(1, 10, 3)));
        assertEquals("maximum capacity was set to 10",
                new ScheduledCapacity(1, 10, 10).countCause(new ScheduledCapacity(1, 20, 14)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            -                       ; cron(0 9 * * ? *)       ; UTC        ; -                    ; -                    ; 1  ; 2  ; ScheduledActionName
            ' lead'                 ; cron(0 9 * * ? *)       ; UTC        ; -                    ; -                    ; 1  ; 2  ; ScheduledActionName
            'a/b'                   ; cron(0 9 * * ? *)       ; UTC        ; -                    ; -                    ; 1  ; 2  ; ScheduledActionName
            ok                      ; -                       ; UTC        ; -                    ; -                    ; 1  ; 2  ; Schedule
            ok                      ; at(2027-13-01T00:00:00) ; UTC        ; -                    ; -                    ; 1  ; 2  ; Schedule
            ok                      ; every day               ; UTC        ; -                    ; -                    ; 1  ; 2  ; Schedule
            ok                      ; cron(0 9 * * ? *)       ; Moon/Base  ; -                    ; -                    ; 1  ; 2  ; Timezone
            ok                      ; cron(0 9 * * ? *)       ; UTC        ; 2027-03-28T00:00:00Z ; 2027-03-28T00:00:00Z ; 1  ; 2  ; EndTime
            ok                      ; cron(0 9 * * ? *)       ; UTC        ; -                    ; -                    ; -  ; -  ; ScalableTargetAction
            ok                      ; cron(0 9 * * ? *)       ; UTC        ; -                    ; -                    ; -1 ; -  ; ScalableTargetAction.MinCapacity
            ok                      ; cron(0 9 * * ? *)       ; UTC        ; -                    ; -                    ; 5  ; 4  ; ScalableTargetAction.MinCapacity
            ok                      ; cron(0 9 * * ? *)       ; UTC        ; -                    ; -                    ; -  ; -3 ; ScalableTargetAction.MaxCapacity
            """)
    void refusesWhatAwsRefusesNamingTheField(String name, String schedule, String zone, String start, String end,
                                             Integer min, Integer max, String field) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> ScheduledAction.of(name, schedule, zone, at(start), at(end), min, max, CREATED));
        assertEquals(field, error.field(), error.getMessage());
        assertTrue(error.getMessage().startsWith(field + ":"), error.getMessage());
    }
}
