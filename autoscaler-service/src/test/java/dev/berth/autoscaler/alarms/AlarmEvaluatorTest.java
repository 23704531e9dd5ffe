package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:05:30Z");

    @ParameterizedTest(name = "{0}, {1} of 5: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 0 X 0 X 0 X | 3 | ALARM
            0 0 0 X 0 X X | 3 | ALARM
            0 0 X X 0 0 0 | 3 | OK
            X X X 0 0 0 0 | 3 | OK
            0 0 0 0 0 0 X | 1 | ALARM
            0 0 0 0 0 0 0 | 1 | OK
            0 0 X X X X 0 | 5 | OK
            0 0 X X X X X | 5 | ALARM
            X X 0 X 0 X X | 4 | OK
            0 X - X 0 X X | 4 | ALARM
            """)
    void alarmsWhenMOfTheLastNBreachNotNecessarilyInARow(String row, int datapointsToAlarm, AlarmState expected) {
        AlarmDefinition alarm = TestAlarms.alarm(5, datapointsToAlarm, TreatMissingData.NOT_BREACHING);
        assertEquals(expected, AlarmEvaluator.evaluate(alarm, AlarmState.INSUFFICIENT_DATA, NOW,
                TestAlarms.row(row, NOW, 60)).newState());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            X X - X - | breaching    | ALARM
            X X - X - | notBreaching | ALARM
            0 X - X - | breaching    | OK
            0 X - - X | notBreaching | OK
            """)
    void reachesBackPastMissingPeriodsWhenNRealDatapointsAreInTheRange(String row, String rule, AlarmState expected) {
        AlarmDefinition alarm = TestAlarms.alarm(3, null, TreatMissingData.fromAws(rule).orElseThrow());
        assertEquals(expected, AlarmEvaluator.evaluate(alarm, AlarmState.INSUFFICIENT_DATA, NOW,
                TestAlarms.row(row, NOW, 60)).newState());
    }

    @ParameterizedTest(name = "{1} {0} 50: {2}")
    @CsvSource({
            "49.9,GreaterThanOrEqualToThreshold,OK", "50,GreaterThanOrEqualToThreshold,ALARM",
            "50.1,GreaterThanOrEqualToThreshold,ALARM",
            "49.9,GreaterThanThreshold,OK", "50,GreaterThanThreshold,OK", "50.1,GreaterThanThreshold,ALARM",
            "49.9,LessThanThreshold,ALARM", "50,LessThanThreshold,OK", "50.1,LessThanThreshold,OK",
            "49.9,LessThanOrEqualToThreshold,ALARM", "50,LessThanOrEqualToThreshold,ALARM",
            "50.1,LessThanOrEqualToThreshold,OK"})
    void comparesTheValueWithTheThresholdAtItsEdge(double value, String operator, AlarmState expected) {
        AlarmDefinition alarm = TestAlarms.alarm(60, 1, null, TreatMissingData.MISSING,
                ComparisonOperator.fromAws(operator).orElseThrow(), 50.0);
        Instant newestPeriod = Instant.parse("2026-12-03T12:04:00Z");
        assertEquals(expected, AlarmEvaluator.evaluate(alarm, AlarmState.OK, NOW,
                List.of(new Datapoint(newestPeriod, value))).newState());
    }

    @ParameterizedTest(name = "period {0}, N {1}, now {2}: {3} to {4}")
    @CsvSource({
            "60,3,2026-12-03T12:05:30Z,2026-12-03T12:00:00Z,2026-12-03T12:05:00Z",
            "60,3,2026-12-03T12:05:00Z,2026-12-03T12:00:00Z,2026-12-03T12:05:00Z",
            "60,3,2026-12-03T12:04:59.999Z,2026-12-03T11:59:00Z,2026-12-03T12:04:00Z",
            "300,3,2026-12-03T12:07:00Z,2026-12-03T11:40:00Z,2026-12-03T12:05:00Z",
            "3600,1,2026-12-03T12:59:59Z,2026-12-03T09:00:00Z,2026-12-03T12:00:00Z",
            "10,3,2026-12-03T12:00:25Z,2026-12-03T11:59:30Z,2026-12-03T12:00:20Z",
            "20,1,2026-12-03T12:00:39Z,2026-12-03T11:59:20Z,2026-12-03T12:00:20Z",
            "86400,7,2026-12-03T12:00:00Z,2026-11-24T00:00:00Z,2026-12-03T00:00:00Z"})
    void alignsTheRangeToPeriodBoundariesAndEndsAtTheLastCompletePeriod(int period, int evaluationPeriods, Instant now,
                                                                       Instant start, Instant end) {
        EvaluationRange range = EvaluationRange.of(period, evaluationPeriods, now);
        assertEquals(start, range.start());
        assertEquals(end, range.end());
        assertEquals(evaluationPeriods + 2, range.size());
        assertEquals(start, range.periodStarts().getFirst());
        assertEquals(end.minusSeconds(period), range.periodStarts().getLast());
    }

    @Test
    void neverEvaluatesThePeriodStillUnderWay() {
        AlarmDefinition alarm = TestAlarms.alarm(1, null, TreatMissingData.MISSING);
        List<Datapoint> datapoints = List.of(new Datapoint(Instant.parse("2026-12-03T12:04:00Z"), TestAlarms.BREACH),
                new Datapoint(Instant.parse("2026-12-03T12:05:00Z"), TestAlarms.FINE));
        assertEquals(AlarmState.ALARM, AlarmEvaluator.evaluate(alarm, AlarmState.OK, NOW, datapoints).newState());
        assertEquals(AlarmState.OK, AlarmEvaluator.evaluate(alarm, AlarmState.ALARM, Instant.parse("2026-12-03T12:06:00Z"),
                datapoints).newState());
    }

    @Test
    void looksOnlyAtDatapointsAtThePeriodStartsOfTheRange() {
        AlarmDefinition alarm = TestAlarms.alarm(1, null, TreatMissingData.MISSING);
        List<Datapoint> datapoints = List.of(new Datapoint(Instant.parse("2026-12-03T12:04:30Z"), TestAlarms.BREACH),
                new Datapoint(Instant.parse("2026-12-03T12:04:00.5Z"), TestAlarms.BREACH),
                new Datapoint(Instant.parse("2026-12-03T12:01:00Z"), TestAlarms.BREACH));
        Evaluation evaluation = AlarmEvaluator.evaluate(alarm, AlarmState.OK, NOW, datapoints);
        assertEquals(AlarmState.INSUFFICIENT_DATA, evaluation.newState());
    }

    @Test
    void refusesTwoDatapointsForOnePeriod() {
        AlarmDefinition alarm = TestAlarms.alarm(1, null, TreatMissingData.MISSING);
        Instant period = Instant.parse("2026-12-03T12:04:00Z");
        assertThrows(IllegalArgumentException.class, () -> AlarmEvaluator.evaluate(alarm, AlarmState.OK, NOW,
                List.of(new Datapoint(period, 1), new Datapoint(period, 2))));
    }

    @Test
    void aStateSetByHandLastsUntilTheNextEvaluation() {
        AlarmDefinition alarm = TestAlarms.alarm(3, null, TreatMissingData.MISSING);
        Evaluation evaluation = AlarmEvaluator.evaluate(alarm, AlarmState.ALARM, NOW, TestAlarms.row("0 0 0 0 0", NOW, 60));
        assertEquals(AlarmState.OK, evaluation.newState());
        assertEquals(true, evaluation.changed());
    }
}
