package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.StandardUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** StateReason texts and StateReasonData in CloudWatch's form. */
class StateReasonsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:05:10.123Z");

    private static final List<Datapoint> RISING = List.of(
            new Datapoint(Instant.parse("2026-12-03T12:02:00Z"), 70.1, 3.0),
            new Datapoint(Instant.parse("2026-12-03T12:03:00Z"), 70.9, 3.0),
            new Datapoint(Instant.parse("2026-12-03T12:04:00Z"), 71.2, 2.0));

    @Test
    void listsTheBreachingDatapointsNewestFirst() {
        assertEquals("Threshold Crossed: 3 datapoints [71.2 (03/12/26 12:04:00), 70.9 (03/12/26 12:03:00), "
                + "70.1 (03/12/26 12:02:00)] were greater than the threshold (50.0).", reason(TestAlarms.alarm(3, null,
                TreatMissingData.MISSING), AlarmState.OK, RISING));
    }

    @Test
    void saysOutOfTheLastNAndTheMinimumWhenDatapointsToAlarmIsSet() {
        assertEquals("Threshold Crossed: 3 out of the last 3 datapoints [71.2 (03/12/26 12:04:00), 70.9 (03/12/26 12:03:00), "
                + "70.1 (03/12/26 12:02:00)] were greater than the threshold (50.0) "
                + "(minimum 3 datapoints for OK -> ALARM transition).", reason(TestAlarms.alarm(3, 3,
                TreatMissingData.MISSING), AlarmState.INSUFFICIENT_DATA, RISING));
    }

    @ParameterizedTest(name = "{0} {1} of {2}, {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            0 - X 0 0 | 2 | 3 | missing      | Threshold Crossed: 2 out of the last 3 datapoints [10.0 (03/12/26 12:04:00), 10.0 (03/12/26 12:03:00)] were not greater than the threshold (50.0) (minimum 2 datapoints for ALARM -> OK transition).
            X - 0 X X | 2 | 3 | missing      | Threshold Crossed: 2 out of the last 3 datapoints [90.0 (03/12/26 12:04:00), 90.0 (03/12/26 12:03:00)] were greater than the threshold (50.0) (minimum 2 datapoints for OK -> ALARM transition).
            0 X X X 0 | 1 | 3 | missing      | Threshold Crossed: 2 out of the last 3 datapoints [90.0 (03/12/26 12:03:00), 90.0 (03/12/26 12:02:00)] were greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).
            0 X X X 0 | 3 | 3 | missing      | Threshold Crossed: 1 out of the last 3 datapoints [10.0 (03/12/26 12:04:00)] was not greater than the threshold (50.0) (minimum 1 datapoint for ALARM -> OK transition).
            X X 0     |   | 1 | missing      | Threshold Crossed: 1 datapoint [10.0 (03/12/26 12:04:00)] was not greater than the threshold (50.0).
            - - - - - |   | 3 | breaching    | Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].
            - - -     |   | 1 | notBreaching | Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].
            - - -     | 1 | 1 | breaching    | Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [Breaching].
            - - - - 0 | 2 | 3 | breaching    | Threshold Crossed: 1 datapoint was received for 3 periods and 2 missing datapoints were treated as [Breaching].
            - - X - - |   | 3 | breaching    | Threshold Crossed: 1 datapoint [90.0 (03/12/26 12:02:00)] was greater than the threshold (50.0) and 2 missing datapoints were treated as [Breaching].
            0 - - - - |   | 3 | breaching    | Threshold Crossed: 1 datapoint [10.0 (03/12/26 12:00:00)] was not greater than the threshold (50.0) and 2 missing datapoints were treated as [Breaching].
            X - - - 0 | 3 | 3 | notBreaching | Threshold Crossed: 1 out of the last 3 datapoints [10.0 (03/12/26 12:04:00)] was not greater than the threshold (50.0) and 1 missing datapoint was treated as [NonBreaching] (minimum 1 datapoint for ALARM -> OK transition).
            - - X - - | 3 | 3 | missing      | Threshold Crossed: 1 out of the last 3 datapoints [90.0 (03/12/26 12:02:00)] was greater than the threshold (50.0) (minimum 3 datapoints for OK -> ALARM transition).
            - - - - - |   | 3 | missing      | Insufficient Data: 3 datapoints were unknown.
            - - - - X |   | 3 | missing      | Insufficient Data: 2 datapoints were unknown.
            - - -     |   | 1 | missing      | Insufficient Data: 1 datapoint was unknown.
            """)
    void wordsEachCaseAsCloudWatch(String row, Integer datapointsToAlarm, int evaluationPeriods, String rule,
                                   String expected) {
        AlarmDefinition alarm = TestAlarms.alarm(evaluationPeriods, datapointsToAlarm,
                TreatMissingData.fromAws(rule).orElseThrow());
        assertEquals(expected, reason(alarm, AlarmState.INSUFFICIENT_DATA, TestAlarms.row(row, NOW, 60)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "GreaterThanOrEqualToThreshold,was not greater than or equal to the threshold (50.0).",
            "GreaterThanThreshold,was not greater than the threshold (50.0).",
            "LessThanThreshold,was less than the threshold (50.0).",
            "LessThanOrEqualToThreshold,was less than or equal to the threshold (50.0)."})
    void wordsEachOperator(String operator, String ending) {
        AlarmDefinition alarm = TestAlarms.alarm(60, 1, null, TreatMissingData.MISSING,
                ComparisonOperator.fromAws(operator).orElseThrow(), 50.0);
        String text = reason(alarm, AlarmState.OK, TestAlarms.row("- - 0", NOW, 60));
        assertEquals("Threshold Crossed: 1 datapoint [10.0 (03/12/26 12:04:00)] " + ending, text);
    }

    @Test
    void cutsTheListToStayWithinCloudWatchsLimit() {
        AlarmDefinition alarm = TestAlarms.alarm(60, 1440, null, TreatMissingData.MISSING,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 50.0);
        List<Datapoint> datapoints = new ArrayList<>();
        Instant newest = Instant.parse("2026-12-03T12:04:00Z");
        for (int i = 0; i < 1440; i++) {
            datapoints.add(new Datapoint(newest.minusSeconds(60L * i), 70.12345678901234));
        }
        String text = reason(alarm, AlarmState.OK, datapoints);
        assertTrue(text.length() <= StateReason.MAX_TEXT_LENGTH, text.length() + " characters");
        assertTrue(text.startsWith("Threshold Crossed: 1440 datapoints [70.12345678901234 (03/12/26 12:04:00), "), text);
        assertTrue(text.endsWith(", ...] were greater than the threshold (50.0)."), text);
    }

    @Test
    void givesStateReasonDataWithCloudWatchsKeys() {
        AlarmDefinition alarm = TestAlarms.alarm(3, null, TreatMissingData.MISSING);
        StateReasonData data = AlarmEvaluator.evaluate(alarm, AlarmState.OK, NOW, RISING).reason().orElseThrow().data();
        assertEquals(new StateReasonData("1.0", "2026-12-03T12:05:10.123+0000", "2026-12-03T12:02:00.000+0000", null,
                "Average", 60, List.of(70.1, 70.9, 71.2), 50.0, List.of(
                new StateReasonData.EvaluatedDatapoint("2026-12-03T12:04:00.000+0000", 2.0, 71.2),
                new StateReasonData.EvaluatedDatapoint("2026-12-03T12:03:00.000+0000", 3.0, 70.9),
                new StateReasonData.EvaluatedDatapoint("2026-12-03T12:02:00.000+0000", 3.0, 70.1))), data);
    }

    @Test
    void givesOnlyTimestampsForPeriodsWithoutData() {
        AlarmDefinition alarm = TestAlarms.alarm(3, null, TreatMissingData.MISSING);
        StateReasonData data = AlarmEvaluator.evaluate(alarm, AlarmState.OK, NOW, TestAlarms.row("- - - - X", NOW, 60))
                .reason().orElseThrow().data();
        assertEquals("2026-12-03T12:04:00.000+0000", data.startDate());
        assertEquals(List.of(90.0), data.recentDatapoints());
        assertEquals(List.of(new StateReasonData.EvaluatedDatapoint("2026-12-03T12:04:00.000+0000", null, 90.0),
                new StateReasonData.EvaluatedDatapoint("2026-12-03T12:03:00.000+0000", null, null),
                new StateReasonData.EvaluatedDatapoint("2026-12-03T12:02:00.000+0000", null, null)),
                data.evaluatedDatapoints());
    }

    @Test
    void showsThePercentileAndUnitAndKeepsTheDataSmall() {
        AlarmDefinition base = TestAlarms.alarm(60, 100, null, TreatMissingData.NOT_BREACHING,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 50.0);
        AlarmDefinition alarm = new AlarmDefinition(base.alarmName(), null, base.namespace(), base.metricName(),
                base.dimensions(), AlarmStatistic.Percentile.parse("p99.9").orElseThrow(), 60, StandardUnit.PERCENT, 100,
                null, 50.0, base.comparisonOperator(), base.treatMissingData(), true, List.of(), List.of(), List.of());
        StateReasonData data = AlarmEvaluator.evaluate(alarm, AlarmState.OK, NOW, List.of()).reason().orElseThrow().data();
        assertEquals("p99.9", data.statistic());
        assertEquals("Percent", data.unit());
        assertNull(data.startDate());
        assertEquals(List.of(), data.recentDatapoints());
        assertEquals(StateReasons.MAX_DATAPOINTS_IN_DATA, data.evaluatedDatapoints().size());
        assertEquals("2026-12-03T12:04:00.000+0000", data.evaluatedDatapoints().getFirst().timestamp());
    }

    @Test
    void aNewAlarmIsUnchecked() {
        assertEquals("Unchecked: Initial alarm creation", StateReason.INITIAL.text());
        assertNull(StateReason.INITIAL.data());
    }

    private static String reason(AlarmDefinition alarm, AlarmState current, List<Datapoint> datapoints) {
        return AlarmEvaluator.evaluate(alarm, current, NOW, datapoints).reason().orElseThrow().text();
    }
}
