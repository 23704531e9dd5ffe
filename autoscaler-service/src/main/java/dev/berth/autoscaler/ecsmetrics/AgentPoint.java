package dev.berth.autoscaler.ecsmetrics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One data point of a host agent's metrics report on {@code berth.metrics}, as the agent wrote it. */
public record AgentPoint(String namespace, String name, Map<String, String> dimensions, double value,
                         Instant timestamp) {

    public AgentPoint {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        dimensions = Map.copyOf(dimensions);
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
