package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PutMetricData's StatisticValues: a set of samples already aggregated. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record StatisticSet(
        @Schema(required = true) Double sampleCount,
        @Schema(required = true) Double sum,
        @Schema(required = true) Double minimum,
        @Schema(required = true) Double maximum) {
}
