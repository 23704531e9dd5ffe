package dev.berth.autoscaler.metrics;

/** A GetMetricData result's status: every data point given, or more on the next page. */
public enum StatusCode {
    Complete,
    PartialData
}
