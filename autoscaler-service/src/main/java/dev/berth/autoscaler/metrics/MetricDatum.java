package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One metric's data of a PutMetricData call: exactly one of Value, StatisticValues or Values (with Counts). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record MetricDatum(
        @Schema(required = true, maxLength = 255, examples = "RequestLatency") String metricName,
        @Schema(description = "At most 30") List<Dimension> dimensions,
        @Schema(description = "ISO 8601 or epoch seconds; default: when received. At most 2 weeks old, "
                + "at most 2 hours ahead") Instant timestamp,
        Double value,
        StatisticSet statisticValues,
        @Schema(description = "At most 150 values") List<Double> values,
        @Schema(description = "As many as Values; each value counts once when absent") List<Double> counts,
        @Schema(examples = "Milliseconds", description = "CloudWatch StandardUnit; default None") String unit,
        @Schema(description = "1 (high resolution) or 60 (default)") Integer storageResolution) {
}
