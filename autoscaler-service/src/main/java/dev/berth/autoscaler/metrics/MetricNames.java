package dev.berth.autoscaler.metrics;

import dev.berth.common.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CloudWatch's rules for namespaces, metric names and dimensions, with the field named on failure. */
public final class MetricNames {

    public static final int MAX_NAME = 255;
    public static final int MAX_DIMENSION_VALUE = 1024;
    public static final int MAX_DIMENSIONS = 30;
    /** Namespaces of AWS's own services; only the platform's producers write them. */
    public static final String RESERVED_PREFIX = "AWS/";

    private MetricNames() {
    }

    /** A namespace a user may write (not {@code AWS/...}). */
    public static String userNamespace(String field, String namespace) {
        String checked = namespace(field, namespace);
        if (checked.startsWith(RESERVED_PREFIX)) {
            throw new InvalidInputException(field, "the AWS/ namespaces are reserved for the platform's own metrics");
        }
        return checked;
    }

    public static String namespace(String field, String namespace) {
        String checked = text(field, namespace, MAX_NAME);
        if (checked.startsWith(":")) {
            throw new InvalidInputException(field, "may not start with ':'");
        }
        requireAscii(field, checked);
        return checked;
    }

    public static String metricName(String field, String name) {
        return text(field, name, MAX_NAME);
    }

    /** At most 30 dimensions, names unique; sorted into the metric's canonical order by {@link MetricKey}. */
    public static List<DimensionValue> dimensions(String field, List<Dimension> dimensions) {
        if (dimensions == null) {
            return List.of();
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw new InvalidInputException(field, "at most " + MAX_DIMENSIONS + " dimensions, got " + dimensions.size());
        }
        List<DimensionValue> checked = new ArrayList<>(dimensions.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension d = dimensions.get(i);
            String at = field + "[" + i + "]";
            if (d == null) {
                throw new InvalidInputException(at, "required");
            }
            String name = dimensionName(at + ".Name", d.name());
            if (!names.add(name)) {
                throw new InvalidInputException(at + ".Name", "dimension " + name + " is given twice");
            }
            checked.add(new DimensionValue(name, dimensionValue(at + ".Value", d.value())));
        }
        return checked;
    }

    public static String dimensionName(String field, String name) {
        String checked = text(field, name, MAX_NAME);
        if (checked.startsWith(":")) {
            throw new InvalidInputException(field, "may not start with ':'");
        }
        requireAscii(field, checked);
        return checked;
    }

    public static String dimensionValue(String field, String value) {
        return text(field, value, MAX_DIMENSION_VALUE);
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInputException(field, "control characters are not allowed");
            }
        }
        return value;
    }

    private static void requireAscii(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 126) {
                throw new InvalidInputException(field, "ASCII characters only");
            }
        }
    }
}
