package dev.berth.logs.metricfilters;

/** PutMetricFilter's answer: the filter as stored. */
public record MetricFilterResponse(MetricFilterView metricFilter) {
}
