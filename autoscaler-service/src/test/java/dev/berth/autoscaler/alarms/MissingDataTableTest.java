package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tables of CloudWatch's user guide, "How alarm state is evaluated when data is missing": 3 of 3 and
 * 2 of 3, evaluation range 5, oldest datapoint first. KEEP = "Retain current state". The last rows of
 * each table come from earlier editions of the guide (same rules).
 */
class MissingDataTableTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:05:30Z");

    @ParameterizedTest(name = "{0} {1} of 3: missing {2}, ignore {3}, breaching {4}, notBreaching {5}")
    @CsvSource(delimiter = '|', textBlock = """
            0 - X - X | 3 | OK                | OK    | OK    | OK
            0 - - - - | 3 | OK                | OK    | OK    | OK
            - - - - - | 3 | INSUFFICIENT_DATA | KEEP  | ALARM | OK
            0 X X - X | 3 | ALARM             | ALARM | ALARM | ALARM
            - - X - - | 3 | ALARM             | KEEP  | ALARM | OK
            - - - - X | 3 | INSUFFICIENT_DATA | KEEP  | ALARM | OK
            X - - - - | 3 | ALARM             | KEEP  | ALARM | OK
            0 - X - X | 2 | ALARM             | ALARM | ALARM | ALARM
            0 0 X 0 X | 2 | ALARM             | ALARM | ALARM | ALARM
            0 - X - - | 2 | OK                | OK    | ALARM | OK
            - - - - 0 | 2 | OK                | OK    | ALARM | OK
            - - - X - | 2 | ALARM             | KEEP  | ALARM | OK
            - - - - X | 2 | INSUFFICIENT_DATA | KEEP  | ALARM | OK
            """)
    void reproducesTheUserGuideTables(String row, int datapointsToAlarm, String missing, String ignore, String breaching,
                                      String notBreaching) {
        assertRule(row, datapointsToAlarm, TreatMissingData.MISSING, missing);
        assertRule(row, datapointsToAlarm, TreatMissingData.IGNORE, ignore);
        assertRule(row, datapointsToAlarm, TreatMissingData.BREACHING, breaching);
        assertRule(row, datapointsToAlarm, TreatMissingData.NOT_BREACHING, notBreaching);
    }

    private static void assertRule(String row, int datapointsToAlarm, TreatMissingData rule, String expected) {
        AlarmDefinition alarm = TestAlarms.alarm(3, datapointsToAlarm, rule);
        List<Datapoint> datapoints = TestAlarms.row(row, NOW, 60);
        for (AlarmState current : AlarmState.values()) {
            Evaluation evaluation = AlarmEvaluator.evaluate(alarm, current, NOW, datapoints);
            String what = row + " " + datapointsToAlarm + " of 3, " + rule.awsName() + ", from " + current;
            if (expected.equals("KEEP")) {
                assertEquals(current, evaluation.newState(), what);
                assertFalse(evaluation.changed(), what);
                assertTrue(evaluation.reason().isEmpty(), what);
            } else {
                assertEquals(AlarmState.valueOf(expected), evaluation.newState(), what);
                assertEquals(current != evaluation.newState(), evaluation.changed(), what);
                assertTrue(evaluation.reason().isPresent(), what);
            }
        }
    }

    @Test
    void goesToAlarmOnceTheNonBreachingDatapointHasLeftTheRange() {
        // Row 2 of the first table: "The next time this alarm is evaluated, if the data is still missing it
        // will go to ALARM, as that non-breaching data point will no longer be in the evaluation range."
        AlarmDefinition alarm = TestAlarms.alarm(3, 3, TreatMissingData.BREACHING);
        List<Datapoint> datapoints = TestAlarms.row("0 - - - -", NOW, 60);
        assertEquals(AlarmState.OK, AlarmEvaluator.evaluate(alarm, AlarmState.INSUFFICIENT_DATA, NOW, datapoints).newState());
        assertEquals(AlarmState.ALARM, AlarmEvaluator.evaluate(alarm, AlarmState.OK, NOW.plusSeconds(60), datapoints).newState());
    }
}
