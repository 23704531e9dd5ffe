package dev.berth.logs.metricfilters;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a matching event becomes, in CloudWatch's words.
 *
 * @param metricValue  a number ("1") or a selector of the pattern ("$.latency", "$bytes")
 * @param defaultValue published for a batch in which nothing matched; null for none
 * @param dimensions   dimension name to selector ("$.service"), at most 3
 */
public record MetricTransformation(
        @Schema(examples = "Errors") String metricName,
        @Schema(examples = "Web") String metricNamespace,
        @Schema(description = "A number or a selector of the pattern", examples = "1") String metricValue,
        Double defaultValue,
        @Schema(examples = "{\"service\": \"$.service\"}") Map<String, String> dimensions,
        @Schema(description = "A CloudWatch unit; None when absent", examples = "Count") String unit) {

    public MetricTransformation {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }
}
