package dev.berth.autoscaler.ecsmetrics;

import dev.berth.autoscaler.metrics.StandardUnit;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One datapoint as ECS publishes it to CloudWatch: dimensions in AWS's order, timestamp = the window's start. */
public record EcsDatapoint(String namespace, String metricName, List<Dimension> dimensions, double value,
                           StandardUnit unit, Instant timestamp) {

    public EcsDatapoint {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        dimensions = List.copyOf(dimensions);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** CloudWatch's Dimension: {Name, Value}. */
    public record Dimension(String name, String value) {

        public Dimension {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
