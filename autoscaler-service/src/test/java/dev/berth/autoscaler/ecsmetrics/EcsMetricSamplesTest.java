package dev.berth.autoscaler.ecsmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.autoscaler.metrics.StandardUnit;
import dev.berth.autoscaler.ecsmetrics.EcsWindowInput.TenantCluster;
import dev.berth.autoscaler.metrics.DimensionValue;
import dev.berth.autoscaler.metrics.IncomingBatch;
import dev.berth.autoscaler.metrics.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcsMetricSamplesTest {

    @ParameterizedTest
    @CsvSource({"10, true", "60, false"})
    void aWindowsDatapointsAreOneBatchNamedByTheWindow(int seconds, boolean highResolution) {
        Instant start = Instant.parse("2026-03-01T12:01:00Z");
        EcsDatapoint point = new EcsDatapoint("AWS/ECS", "CPUUtilization", List.of(
                new EcsDatapoint.Dimension("ClusterName", "prod"), new EcsDatapoint.Dimension("ServiceName", "web")),
                37.5, StandardUnit.PERCENT, start);
        IncomingBatch batch = EcsMetricSamples.batch(new TenantCluster("acme", "prod"), start,
                Duration.ofSeconds(seconds), List.of(point));

        assertEquals("ecs-metrics/" + seconds + "s/acme/prod/" + start.getEpochSecond(), batch.id());
        assertEquals("acme", batch.tenant());
        Sample sample = batch.samples().getFirst();
        assertEquals("AWS/ECS", sample.key().namespace());
        assertEquals(List.of(new DimensionValue("ClusterName", "prod"), new DimensionValue("ServiceName", "web")),
                sample.key().dimensions());
        assertEquals(37.5, sample.set().sum());
        assertEquals(1.0, sample.set().sampleCount());
        assertEquals(dev.berth.autoscaler.metrics.StandardUnit.PERCENT, sample.unit());
        assertEquals(start, sample.timestamp());
        assertEquals(highResolution, sample.highResolution());
    }
}
