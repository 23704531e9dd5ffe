package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One query of GetMetricData. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record MetricDataQuery(
        @Schema(required = true, description = "Starts with a lowercase letter; letters, digits and _", examples = "m1")
        String id,
        MetricStat metricStat,
        @Schema(description = "Metric math: refused, Berth answers MetricStat queries only") String expression,
        String label,
        @Schema(description = "Default true") Boolean returnData,
        Integer period) {
}
