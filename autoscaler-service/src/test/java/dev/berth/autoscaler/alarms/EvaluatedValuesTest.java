package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The datapoints a scaling policy acts on: those of the last EvaluationPeriods complete periods, oldest first. */
class EvaluatedValuesTest {

    @Test
    void theLastEvaluationPeriodsRealDatapointsOldestFirst() {
        AlarmDefinition alarm = TestAlarms.alarm(3, null, TreatMissingData.MISSING);
        Instant now = Instant.parse("2026-12-03T12:05:30Z");
        List<Datapoint> points = List.of(
                new Datapoint(Instant.parse("2026-12-03T12:00:00Z"), 1.0), // in the range, before the last 3 periods
                new Datapoint(Instant.parse("2026-12-03T12:02:00Z"), 2.0),
                new Datapoint(Instant.parse("2026-12-03T12:04:00Z"), 4.0),
                new Datapoint(Instant.parse("2026-12-03T12:05:00Z"), 5.0)); // in progress: not counted
        assertEquals(List.of(2.0, 4.0), AlarmEvaluator.evaluatedValues(alarm, now, points));
    }
}
