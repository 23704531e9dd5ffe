package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A metric as ListMetrics and GetMetricData name it. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(
        @Schema(required = true) String namespace,
        @Schema(required = true) String metricName,
        List<Dimension> dimensions) {
}
