package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricKeyTest {

    @Test
    void dimensionsInAnyOrderAreTheSameMetric() {
        MetricKey a = new MetricKey("Acme", "Latency", List.of(new DimensionValue("Service", "web"),
                new DimensionValue("Cluster", "prod")));
        MetricKey b = new MetricKey("Acme", "Latency", List.of(new DimensionValue("Cluster", "prod"),
                new DimensionValue("Service", "web")));
        assertEquals(a, b);
        assertEquals(a.dimensionsHash(), b.dimensionsHash());
        assertEquals(List.of(new DimensionValue("Cluster", "prod"), new DimensionValue("Service", "web")), a.dimensions());
    }

    @Test
    void namesAndValuesCannotRunIntoEachOther() {
        MetricKey a = new MetricKey("N", "M", List.of(new DimensionValue("ab", "c")));
        MetricKey b = new MetricKey("N", "M", List.of(new DimensionValue("a", "bc")));
        assertNotEquals(a.dimensionsHash(), b.dimensionsHash());
        assertNotEquals(new MetricKey("N", "M", List.of()).dimensionsHash(), a.dimensionsHash());
    }
}
