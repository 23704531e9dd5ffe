package dev.berth.autoscaler.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What names a metric: namespace, name and dimensions. The dimensions are kept sorted by name (and
 * value), so the same metric has one key however a caller ordered them; {@link #dimensionsHash()}
 * digests that canonical form for the store's unique key.
 */
public record MetricKey(String namespace, String metricName, List<DimensionValue> dimensions) {

    private static final Comparator<DimensionValue> ORDER = Comparator.comparing(DimensionValue::name)
            .thenComparing(DimensionValue::value);

    public MetricKey {
        List<DimensionValue> sorted = new ArrayList<>(dimensions);
        sorted.sort(ORDER);
        dimensions = List.copyOf(sorted);
    }

    public static MetricKey of(String namespace, String metricName, Map<String, String> dimensions) {
        return new MetricKey(namespace, metricName, dimensions.entrySet().stream()
                .map(e -> new DimensionValue(e.getKey(), e.getValue())).toList());
    }

    /** SHA-256 (hex) of the sorted dimensions, each name and value length-prefixed so none can run into another. */
    public String dimensionsHash() {
        StringBuilder canonical = new StringBuilder();
        for (DimensionValue d : dimensions) {
            canonical.append(d.name().length()).append(':').append(d.name())
                    .append(d.value().length()).append(':').append(d.value());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
