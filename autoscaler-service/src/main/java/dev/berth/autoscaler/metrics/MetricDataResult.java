package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One query's series of GetMetricData. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricDataResult(
        @Schema(required = true) String id,
        @Schema(required = true) String label,
        @Schema(required = true) List<Instant> timestamps,
        @Schema(required = true) List<Double> values,
        @Schema(required = true) StatusCode statusCode,
        List<MessageData> messages) {
}
