package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.DimensionValue;
import dev.berth.autoscaler.metrics.MetricKey;
import dev.berth.autoscaler.metrics.MetricsService;
import dev.berth.autoscaler.metrics.PeriodSet;
import dev.berth.autoscaler.metrics.PeriodWindow;
import dev.berth.autoscaler.metrics.SampleSet;
import dev.berth.autoscaler.metrics.StorageLevel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * The datapoints an alarm's evaluation looks at: its metric's statistic sets per period of the
 * {@linkplain EvaluationRange evaluation range}, each reduced to the alarm's statistic. Periods under a minute
 * read the 1-second data (kept for high-resolution metrics only), longer ones the 1-minute data. An alarm
 * without a Unit takes the samples of every unit of a period together.
 */
@ApplicationScoped
public class AlarmDatapoints {

    @Inject
    MetricsService metrics;

    public Uni<List<Datapoint>> of(String tenant, AlarmDefinition alarm, Instant now) {
        if (!(alarm.statistic() instanceof AlarmStatistic.Standard standard)) {
            // percentiles cannot be computed from statistic sets: the alarm sees no data
            return Uni.createFrom().item(List.of());
        }
        EvaluationRange range = EvaluationRange.of(alarm.period(), alarm.evaluationPeriods(), now);
        PeriodWindow window = new PeriodWindow(alarm.period() < 60 ? StorageLevel.SECOND : StorageLevel.MINUTE,
                range.start().getEpochSecond(), range.end().getEpochSecond(), alarm.period());
        MetricKey key = new MetricKey(alarm.namespace(), alarm.metricName(),
                alarm.dimensions().stream().map(d -> new DimensionValue(d.name(), d.value())).toList());
        return metrics.periods(tenant, key, window, alarm.unit()).map(sets -> {
            TreeMap<Long, SampleSet> byPeriod = new TreeMap<>();
            for (PeriodSet set : sets) {
                byPeriod.merge(set.index(), set.set(), SampleSet::combine);
            }
            return byPeriod.entrySet().stream().map(e -> new Datapoint(window.periodStart(e.getKey()),
                    e.getValue().value(standard.statistic()), e.getValue().sampleCount())).toList();
        });
    }
}
