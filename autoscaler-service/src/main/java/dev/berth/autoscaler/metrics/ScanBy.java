package dev.berth.autoscaler.metrics;

/** GetMetricData's order of data points. */
public enum ScanBy {
    TimestampDescending,
    TimestampAscending
}
