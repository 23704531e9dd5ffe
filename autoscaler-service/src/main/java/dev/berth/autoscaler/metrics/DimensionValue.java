package dev.berth.autoscaler.metrics;

/** One dimension of a metric: a name and its value. */
public record DimensionValue(String name, String value) {
}
