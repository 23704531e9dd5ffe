package dev.berth.logs.metricfilters;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of DescribeMetricFilters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeMetricFiltersResponse(
        List<MetricFilterView> metricFilters,
        @Schema(description = "Absent on the last page; pass it back to read on") String nextToken) {
}
