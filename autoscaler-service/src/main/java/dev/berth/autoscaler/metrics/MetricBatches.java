package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.common.error.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a MetricBatch envelope from berth.metrics, as the scheduler forwards agents' samples and the
 * logs service's metric filters publish them: {@code detail.datapoints[]} of {namespace, name,
 * dimensions {name: value}, value, unit, timestamp}. Platform producers may write any namespace
 * ({@code AWS/...} and {@code Berth/...} included). A data point that breaks a rule (a name too long, a
 * value not finite, a time outside CloudWatch's window) is left out and counted; its batch is kept.
 */
public final class MetricBatches {

    public static final String TYPE = "MetricBatch";

    /** The batch, and how many of its data points were left out. */
    public record Parsed(IncomingBatch batch, int skipped, String firstProblem) {
    }

    private MetricBatches() {
    }

    /** The batch of an envelope, or empty when the record is not a MetricBatch with id and tenant. */
    public static Optional<Parsed> parse(JsonNode envelope, Instant now) {
        if (envelope == null || !TYPE.equals(envelope.path("type").asText()) || !envelope.path("id").isTextual()
                || !envelope.path("tenant").isTextual() || envelope.path("tenant").asText().isEmpty()) {
            return Optional.empty();
        }
        String tenant = envelope.get("tenant").asText();
        JsonNode points = envelope.path("detail").path("datapoints");
        List<Sample> samples = new ArrayList<>();
        int skipped = 0;
        String firstProblem = null;
        int i = 0;
        for (JsonNode point : points) {
            try {
                samples.add(sample(tenant, point, "datapoints[" + i + "]", now));
            } catch (InvalidInputException | DateTimeParseException e) {
                skipped++;
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
            }
            i++;
        }
        return Optional.of(new Parsed(new IncomingBatch(envelope.get("id").asText(), tenant, samples), skipped,
                firstProblem));
    }

    private static Sample sample(String tenant, JsonNode point, String at, Instant now) {
        String namespace = MetricNames.namespace(at + ".namespace", text(point, "namespace"));
        String name = MetricNames.metricName(at + ".name", text(point, "name"));
        List<Dimension> dimensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> d : point.path("dimensions").properties()) {
            dimensions.add(new Dimension(d.getKey(), d.getValue().isValueNode() ? d.getValue().asText() : null));
        }
        List<DimensionValue> checked = MetricNames.dimensions(at + ".dimensions", dimensions);
        JsonNode value = point.get("value");
        if (value == null || !value.isNumber()) {
            throw new InvalidInputException(at + ".value", "a number is required");
        }
        double number = PutMetricDataValidation.finite(at + ".value", value.asDouble());
        String unitName = text(point, "unit");
        StandardUnit unit = unitName == null ? StandardUnit.NONE : StandardUnit.of(unitName).orElse(StandardUnit.NONE);
        Instant timestamp = PutMetricDataValidation.timestamp(at + ".timestamp", timestamp(point.get("timestamp")), now);
        return new Sample(tenant, new MetricKey(namespace, name, checked), timestamp, SampleSet.of(number), unit, true);
    }

    /** ISO 8601 text, or epoch seconds (with a fraction) as Jackson writes an Instant as a number. */
    private static Instant timestamp(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            double seconds = node.asDouble();
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
        }
        return Instant.parse(node.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
