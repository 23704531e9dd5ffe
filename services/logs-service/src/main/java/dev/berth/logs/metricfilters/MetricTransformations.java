package dev.berth.logs.metricfilters;

import dev.berth.common.error.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/** CloudWatch's rules for a metric filter's transformation: exactly one, named, with a number or a selector as value. */
final class MetricTransformations {

    private static final Pattern METRIC_NAME = Pattern.compile("[^:*$]{1,255}");
    private static final Pattern SELECTOR = Pattern.compile("\\$[\\w.\\[\\]]+");
    private static final List<String> UNITS = List.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private MetricTransformations() {
    }

    static List<MetricTransformation> validate(List<MetricTransformation> transformations) {
        if (transformations == null || transformations.size() != 1) {
            throw new InvalidInputException("metricTransformations", "exactly one transformation is required");
        }
        MetricTransformation t = transformations.get(0);
        String at = "metricTransformations[0].";
        if (t.metricName() == null || !METRIC_NAME.matcher(t.metricName()).matches()) {
            throw new InvalidInputException(at + "metricName", "1 to 255 characters without ':', '*' or '$'");
        }
        if (t.metricNamespace() == null || !METRIC_NAME.matcher(t.metricNamespace()).matches()) {
            throw new InvalidInputException(at + "metricNamespace", "1 to 255 characters without ':', '*' or '$'");
        }
        if (t.metricValue() == null || !(SELECTOR.matcher(t.metricValue()).matches() || isNumber(t.metricValue()))) {
            throw new InvalidInputException(at + "metricValue", "a number or a selector such as $.latency or $bytes");
        }
        if (t.dimensions().size() > 3) {
            throw new InvalidInputException(at + "dimensions", "at most 3");
        }
        t.dimensions().forEach((name, selector) -> {
            if (!SELECTOR.matcher(selector).matches()) {
                throw new InvalidInputException(at + "dimensions." + name, "a selector such as $.service");
            }
        });
        if (t.unit() != null && !UNITS.contains(t.unit())) {
            throw new InvalidInputException(at + "unit", "one of " + UNITS);
        }
        return List.of(t);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
