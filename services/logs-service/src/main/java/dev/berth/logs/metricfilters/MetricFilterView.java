package dev.berth.logs.metricfilters;

import java.util.List;

/** A metric filter as DescribeMetricFilters shows it; creationTime in epoch milliseconds. */
public record MetricFilterView(String filterName, String logGroupName, String filterPattern,
                               List<MetricTransformation> metricTransformations, long creationTime) {

    static MetricFilterView of(MetricFilter f) {
        return new MetricFilterView(f.filterName(), f.logGroupName(), f.pattern().text(), f.transformations(),
                f.createdAt().toEpochMilli());
    }
}
