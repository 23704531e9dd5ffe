package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSetTest {

    @Test
    void combiningSetsEqualsTheSetOfAllTheirValues() {
        SampleSet a = SampleSet.of(List.of(3.0, 7.0), List.of(2.0, 1.0));
        SampleSet b = SampleSet.of(-1.5);
        SampleSet c = new SampleSet(4, 40, 5, 15);
        SampleSet combined = a.combine(b).combine(c);
        assertEquals(new SampleSet(8, 3 + 3 + 7 - 1.5 + 40, -1.5, 15), combined);
        assertEquals(combined, c.combine(a.combine(b)), "order does not matter");
    }

    @Test
    void valuesWithoutCountsCountOnceEach() {
        assertEquals(new SampleSet(3, 6, 1, 3), SampleSet.of(List.of(1.0, 2.0, 3.0), List.of()));
    }

    @ParameterizedTest
    @CsvSource({
            "SAMPLE_COUNT, 4",
            "SUM, 10",
            "AVERAGE, 2.5",
            "MINIMUM, 1",
            "MAXIMUM, 4"})
    void statisticsOfASet(Statistic statistic, double expected) {
        SampleSet set = SampleSet.of(1).combine(SampleSet.of(2)).combine(SampleSet.of(3)).combine(SampleSet.of(4));
        assertEquals(expected, set.value(statistic));
    }
}
