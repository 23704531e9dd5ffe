package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One period of GetMetricStatistics: the statistics asked for. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Datapoint(
        @Schema(required = true) Instant timestamp,
        Double sampleCount,
        Double average,
        Double sum,
        Double minimum,
        Double maximum,
        @Schema(required = true) String unit) {
}
