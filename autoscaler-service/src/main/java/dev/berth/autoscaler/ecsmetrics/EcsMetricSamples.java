package dev.berth.autoscaler.ecsmetrics;

import dev.berth.autoscaler.metrics.DimensionValue;
import dev.berth.autoscaler.metrics.IncomingBatch;
import dev.berth.autoscaler.metrics.MetricKey;
import dev.berth.autoscaler.metrics.Sample;
import dev.berth.autoscaler.metrics.SampleSet;
import dev.berth.autoscaler.metrics.StandardUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The aggregator's datapoints of one cluster and window as a batch for the metric store. The batch id
 * names the window, so a window written twice (a retry, two instances) is stored once.
 */
public final class EcsMetricSamples {

    private EcsMetricSamples() {
    }

    public static IncomingBatch batch(EcsWindowInput.TenantCluster cluster, Instant windowStart, Duration window,
                                      List<EcsDatapoint> datapoints) {
        boolean highResolution = window.compareTo(EcsMetricsAggregator.STANDARD_WINDOW) < 0;
        List<Sample> samples = datapoints.stream().map(d -> new Sample(cluster.tenant(),
                new MetricKey(d.namespace(), d.metricName(),
                        d.dimensions().stream().map(x -> new DimensionValue(x.name(), x.value())).toList()),
                d.timestamp(), SampleSet.of(d.value()), d.unit(),
                highResolution)).toList();
        return new IncomingBatch(batchId(cluster, windowStart, window), cluster.tenant(), samples);
    }

    static String batchId(EcsWindowInput.TenantCluster cluster, Instant windowStart, Duration window) {
        return "ecs-metrics/" + window.toSeconds() + "s/" + cluster.tenant() + "/" + cluster.clusterName() + "/"
                + windowStart.getEpochSecond();
    }
}
