package dev.berth.autoscaler.scaling;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The metric a target tracking policy keeps at its target value: predefined or customized. */
public sealed interface TrackedMetric {

    String PREDEFINED = "TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification";
    String CUSTOMIZED = "TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification";

    /**
     * A PredefinedMetricSpecification. ALBRequestCountPerTarget needs ResourceLabel
     * {@code app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>};
     * the other types refuse one.
     */
    record Predefined(PredefinedMetricType type, String resourceLabel) implements TrackedMetric {

        private static final String PART = "[A-Za-z0-9_.-]{1,255}";
        private static final Pattern LABEL = Pattern.compile(
                "app/" + PART + "/" + PART + "/(targetgroup/" + PART + "/" + PART + ")");

        public Predefined {
            ValidationErrors.required(type, PREDEFINED + ".PredefinedMetricType");
            if (type == PredefinedMetricType.ALB_REQUEST_COUNT_PER_TARGET) {
                targetGroup(ValidationErrors.required(resourceLabel, PREDEFINED + ".ResourceLabel"));
            } else if (resourceLabel != null) {
                throw ValidationErrors.invalid(PREDEFINED + ".ResourceLabel", "is only for ALBRequestCountPerTarget");
            }
        }

        public static Predefined of(String predefinedMetricType, String resourceLabel) {
            return new Predefined(PredefinedMetricType.parse(predefinedMetricType, PREDEFINED + ".PredefinedMetricType"),
                    resourceLabel);
        }

        /** The {@code targetgroup/<name>/<id>} part of the ResourceLabel: the TargetGroup dimension's value. */
        public String targetGroup() {
            return targetGroup(resourceLabel);
        }

        private static String targetGroup(String label) {
            if (label.length() > ScalingLimits.MAX_RESOURCE_LABEL_LENGTH) {
                throw ValidationErrors.invalid(PREDEFINED + ".ResourceLabel",
                        "may hold up to " + ScalingLimits.MAX_RESOURCE_LABEL_LENGTH + " characters");
            }
            Matcher matcher = LABEL.matcher(label);
            if (!matcher.matches()) {
                throw ValidationErrors.invalid(PREDEFINED + ".ResourceLabel",
                        "must be app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>");
            }
            return matcher.group(1);
        }
    }

    /** A CustomizedMetricSpecification: a single metric (metric math is not supported). */
    record Customized(String namespace, String metricName, List<MetricDimension> dimensions, MetricStatistic statistic,
            String unit) implements TrackedMetric {

        /** CloudWatch's StandardUnit values. */
        static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
                "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
                "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
                "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
                "Count/Second", "None");

        public Customized {
            dimensions = List.copyOf(dimensions == null ? List.of() : dimensions);
        }

        /** From the wire values, each checked and named by its field; dimensions may be unchecked. */
        public static Customized of(String namespace, String metricName, List<MetricDimension> dimensions, String statistic,
                String unit) {
            checkText(namespace, CUSTOMIZED + ".Namespace", ScalingLimits.MAX_METRIC_NAMESPACE_LENGTH);
            checkText(metricName, CUSTOMIZED + ".MetricName", ScalingLimits.MAX_METRIC_NAME_LENGTH);
            List<MetricDimension> given = dimensions == null ? List.of() : dimensions;
            if (given.size() > ScalingLimits.MAX_METRIC_DIMENSIONS) {
                throw ValidationErrors.invalid(CUSTOMIZED + ".Dimensions",
                        "may hold up to " + ScalingLimits.MAX_METRIC_DIMENSIONS + " dimensions, got " + given.size());
            }
            List<MetricDimension> checked = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                String field = CUSTOMIZED + ".Dimensions[" + i + "]";
                MetricDimension raw = ValidationErrors.required(given.get(i), field);
                MetricDimension dimension = MetricDimension.of(raw.name(), raw.value(), field);
                if (checked.stream().anyMatch(d -> d.name().equals(dimension.name()))) {
                    throw ValidationErrors.invalid(CUSTOMIZED + ".Dimensions[" + i + "].Name",
                            "'" + dimension.name() + "' is given twice");
                }
                checked.add(dimension);
            }
            MetricStatistic parsed = MetricStatistic.parse(statistic, CUSTOMIZED + ".Statistic");
            if (unit != null && !UNITS.contains(unit)) {
                throw ValidationErrors.invalid(CUSTOMIZED + ".Unit", "is not one of CloudWatch's units");
            }
            return new Customized(namespace, metricName, checked, parsed, unit);
        }

        private static void checkText(String value, String field, int max) {
            ValidationErrors.required(value, field);
            if (value.isEmpty() || value.length() > max) {
                throw ValidationErrors.invalid(field, "must hold 1 to " + max + " characters");
            }
        }
    }
}
