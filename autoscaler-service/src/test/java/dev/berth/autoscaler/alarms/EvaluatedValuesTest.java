package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The datapoints a scaling policy acts on: those the alarm's state was decided on, oldest first. */
class EvaluatedValuesTest {

    @Test
    void theEvaluationPeriodsMostRecentRealDatapointsReachingBackPastMissingOnes() {
        AlarmDefinition alarm = TestAlarms.alarm(3, null, TreatMissingData.MISSING);
        Instant now = Instant.parse("2026-12-03T12:05:30Z");
        List<Datapoint> points = List.of(
                new Datapoint(Instant.parse("2026-12-03T11:59:00Z"), 0.5), // before the range of N + 2 periods
                new Datapoint(Instant.parse("2026-12-03T12:00:00Z"), 1.0),
                new Datapoint(Instant.parse("2026-12-03T12:01:00Z"), 1.5),
                new Datapoint(Instant.parse("2026-12-03T12:02:00Z"), 2.0),
                new Datapoint(Instant.parse("2026-12-03T12:04:00Z"), 4.0),
                new Datapoint(Instant.parse("2026-12-03T12:05:00Z"), 5.0)); // in progress: not counted
        assertEquals(List.of(1.5, 2.0, 4.0), AlarmEvaluator.evaluatedValues(alarm, now, points));
    }

    @Test
    void anAlarmInAlarmOnAnOlderDatapointGivesThatDatapoint() {
        // 1 of 1 on 10-second periods, the newest period not in yet (ECS metrics close their windows late):
        // the alarm goes by the breach of the period before, and so must the policy it runs
        AlarmDefinition alarm = TestAlarms.alarm(10, 1, null, TreatMissingData.MISSING,
                ComparisonOperator.GREATER_THAN_THRESHOLD, TestAlarms.THRESHOLD);
        Instant now = Instant.parse("2026-12-03T12:00:31Z");
        List<Datapoint> points = List.of(new Datapoint(Instant.parse("2026-12-03T12:00:10Z"), 86.0));
        assertEquals(AlarmState.ALARM, AlarmEvaluator.evaluate(alarm, AlarmState.OK, now, points).newState());
        assertEquals(List.of(86.0), AlarmEvaluator.evaluatedValues(alarm, now, points));
    }

    @Test
    void noRealDatapointNoValue() {
        AlarmDefinition alarm = TestAlarms.alarm(3, null, TreatMissingData.BREACHING);
        assertEquals(List.of(), AlarmEvaluator.evaluatedValues(alarm, Instant.parse("2026-12-03T12:05:30Z"), List.of()));
    }
}
