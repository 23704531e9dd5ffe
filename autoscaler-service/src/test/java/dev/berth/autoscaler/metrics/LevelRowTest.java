package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelRowTest {

    private static final MetricKey KEY = new MetricKey("N", "M", List.of());

    private static LevelRow.Identified at(long id, String time, double value, StandardUnit unit) {
        return new LevelRow.Identified(id, new Sample("t", KEY, Instant.parse(time), SampleSet.of(value), unit, true));
    }

    @Test
    void samplesOfOneBucketAndUnitBecomeOneRow() {
        List<LevelRow> rows = LevelRow.of(StorageLevel.MINUTE, List.of(
                at(1, "2026-06-01T10:00:05Z", 2, StandardUnit.COUNT),
                at(1, "2026-06-01T10:00:59Z", 4, StandardUnit.COUNT),
                at(1, "2026-06-01T10:01:00Z", 8, StandardUnit.COUNT),
                at(1, "2026-06-01T10:00:10Z", 16, StandardUnit.SECONDS),
                at(2, "2026-06-01T10:00:10Z", 32, StandardUnit.COUNT)));
        long ten = Instant.parse("2026-06-01T10:00:00Z").getEpochSecond();
        assertEquals(List.of(
                new LevelRow(1, ten, StandardUnit.COUNT, new SampleSet(2, 6, 2, 4)),
                new LevelRow(1, ten + 60, StandardUnit.COUNT, SampleSet.of(8)),
                new LevelRow(1, ten, StandardUnit.SECONDS, SampleSet.of(16)),
                new LevelRow(2, ten, StandardUnit.COUNT, SampleSet.of(32))), rows);
    }

    @Test
    void secondsKeepTheirOwnBuckets() {
        List<LevelRow> rows = LevelRow.of(StorageLevel.SECOND, List.of(
                at(1, "2026-06-01T10:00:05.100Z", 2, StandardUnit.NONE),
                at(1, "2026-06-01T10:00:05.900Z", 4, StandardUnit.NONE),
                at(1, "2026-06-01T10:00:06Z", 8, StandardUnit.NONE)));
        assertEquals(2, rows.size());
        assertEquals(new SampleSet(2, 6, 2, 4), rows.getFirst().set());
    }
}
