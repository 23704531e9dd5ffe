package dev.berth.logs.metricfilters;

import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.filter.Match;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A metric filter of a log group with its pattern parsed. */
public record MetricFilter(String tenant, long groupId, String logGroupName, String filterName, FilterPattern pattern,
                           List<MetricTransformation> transformations, Instant createdAt) {

    /** A data point as berth.metrics carries it. */
    public record Datapoint(String namespace, String name, Map<String, String> dimensions, double value, String unit,
                            Instant timestamp) {
    }

    /** The data points one event gives: one per transformation whose value it has. */
    public List<Datapoint> datapoints(long timestamp, String message) {
        Optional<Match> match = pattern.match(message);
        if (match.isEmpty()) {
            return List.of();
        }
        List<Datapoint> points = new ArrayList<>(transformations.size());
        for (MetricTransformation t : transformations) {
            valueOf(t.metricValue(), match.get()).ifPresent(value -> points.add(new Datapoint(t.metricNamespace(),
                    t.metricName(), dimensions(t, match.get()), value, unitOf(t), Instant.ofEpochMilli(timestamp))));
        }
        return points;
    }

    /** The default values, for a batch in which nothing matched. */
    public List<Datapoint> defaults(long timestamp) {
        return transformations.stream().filter(t -> t.defaultValue() != null)
                .map(t -> new Datapoint(t.metricNamespace(), t.metricName(), Map.of(), t.defaultValue(), unitOf(t),
                        Instant.ofEpochMilli(timestamp)))
                .toList();
    }

    private static Optional<Double> valueOf(String metricValue, Match match) {
        String text = metricValue.startsWith("$") ? match.value(metricValue).orElse(null) : metricValue;
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> dimensions(MetricTransformation t, Match match) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        t.dimensions().forEach((name, selector) -> match.value(selector).ifPresent(v -> dimensions.put(name, v)));
        return dimensions;
    }

    private static String unitOf(MetricTransformation t) {
        return t.unit() == null ? "None" : t.unit();
    }
}
