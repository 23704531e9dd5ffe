package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import dev.berth.autoscaler.metrics.StandardUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Enum values are AWS's strings, both ways, and nothing else is taken. */
class AwsNamesTest {

    @ParameterizedTest
    @CsvSource({"OK", "ALARM", "INSUFFICIENT_DATA"})
    void alarmStates(String aws) {
        assertEquals(aws, AlarmState.fromAws(aws).orElseThrow().awsName());
    }

    @ParameterizedTest
    @CsvSource({"Seconds", "Bytes/Second", "Count/Second", "Percent", "None", "Terabits/Second"})
    void units(String aws) {
        assertEquals(aws, StandardUnit.of(aws).orElseThrow().wireName());
    }

    @Test
    void refusesOtherSpellings() {
        assertEquals(Optional.empty(), AlarmState.fromAws("Alarm"));
        assertEquals(Optional.empty(), AlarmState.fromAws(null));
        assertEquals(Optional.empty(), Statistic.of("SAMPLE_COUNT"));
        assertEquals(Optional.empty(), TreatMissingData.fromAws("NOT_BREACHING"));
        assertEquals(Optional.empty(), ComparisonOperator.fromAws("GREATER_THAN_THRESHOLD"));
        assertEquals(Optional.empty(), StandardUnit.of("PERCENT"));
        assertTrue(AlarmStatistic.Percentile.parse("p999").isEmpty());
        assertTrue(AlarmStatistic.Percentile.parse("p50.").isEmpty());
        assertTrue(AlarmStatistic.Percentile.parse("p-5").isEmpty());
    }
}
