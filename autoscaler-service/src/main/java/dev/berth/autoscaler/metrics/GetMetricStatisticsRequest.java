package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GetMetricStatistics. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record GetMetricStatisticsRequest(
        @Schema(required = true) String namespace,
        @Schema(required = true) String metricName,
        @Schema(description = "Exactly the metric's dimensions, at most 30") List<Dimension> dimensions,
        @Schema(required = true, description = "Inclusive") Instant startTime,
        @Schema(required = true, description = "Exclusive") Instant endTime,
        @Schema(required = true, description = "Seconds: 1, 5, 10, 20, 30 or a multiple of 60") Integer period,
        @Schema(description = "1 to 5 of SampleCount, Average, Sum, Minimum, Maximum") List<String> statistics,
        @Schema(description = "Percentiles: refused, Berth keeps statistic sets only") List<String> extendedStatistics,
        String unit) {
}
