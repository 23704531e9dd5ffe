package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PutMetricData. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record PutMetricDataRequest(
        @Schema(required = true, maxLength = 255, examples = "Acme/Shop", description = "May not start with AWS/")
        String namespace,
        @Schema(required = true, description = "1 to 1,000") List<MetricDatum> metricData) {
}
