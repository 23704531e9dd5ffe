package dev.berth.logs.metricfilters;

import java.util.Map;

/**
 * What a matching event becomes, in CloudWatch's words.
 *
 * @param metricValue  a number ("1") or a selector of the pattern ("$.latency", "$bytes")
 * @param defaultValue published for a batch in which nothing matched; null for none
 * @param dimensions   dimension name to selector ("$.service"), at most 3
 */
public record MetricTransformation(String metricName, String metricNamespace, String metricValue, Double defaultValue,
                                   Map<String, String> dimensions, String unit) {

    public MetricTransformation {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }
}
