package dev.berth.autoscaler.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a resolution's table: a metric's statistic set of one bucket and unit. {@link #of}
 * combines the samples of a batch that fall in the same bucket, so one statement writes each row once.
 */
public record LevelRow(long metricId, long bucket, StandardUnit unit, SampleSet set) {

    /** A sample with the id of its metric. */
    public record Identified(long metricId, Sample sample) {
    }

    private record Key(long metricId, long bucket, StandardUnit unit) {
    }

    public static List<LevelRow> of(StorageLevel level, List<Identified> samples) {
        Map<Key, SampleSet> sets = new LinkedHashMap<>();
        for (Identified s : samples) {
            Key key = new Key(s.metricId(), level.bucketOf(s.sample().timestamp().getEpochSecond()), s.sample().unit());
            sets.merge(key, s.sample().set(), SampleSet::combine);
        }
        List<LevelRow> rows = new ArrayList<>(sets.size());
        sets.forEach((k, set) -> rows.add(new LevelRow(k.metricId(), k.bucket(), k.unit(), set)));
        return rows;
    }
}
