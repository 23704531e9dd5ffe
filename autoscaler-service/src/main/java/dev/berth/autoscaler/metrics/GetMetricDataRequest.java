package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GetMetricData. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record GetMetricDataRequest(
        @Schema(required = true, description = "1 to 500") List<MetricDataQuery> metricDataQueries,
        @Schema(required = true, description = "Inclusive") Instant startTime,
        @Schema(required = true, description = "Exclusive") Instant endTime,
        String nextToken,
        @Schema(description = "TimestampDescending (default) or TimestampAscending") String scanBy,
        @Schema(description = "Data points of all results in one answer; default 100,800") Integer maxDatapoints) {
}
