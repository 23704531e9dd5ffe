package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A metric, period and statistic of a GetMetricData query. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record MetricStat(
        @Schema(required = true) Metric metric,
        @Schema(required = true, description = "Seconds: 1, 5, 10, 20, 30 or a multiple of 60") Integer period,
        @Schema(required = true, description = "SampleCount, Average, Sum, Minimum or Maximum") String stat,
        String unit) {
}
