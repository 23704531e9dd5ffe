package dev.berth.autoscaler.scaling;

/** A dimension of a metric: Name and Value, as CloudWatch's. */
public record MetricDimension(String name, String value) {

    static MetricDimension of(String name, String value, String field) {
        ValidationErrors.required(name, field + ".Name");
        ValidationErrors.required(value, field + ".Value");
        if (name.isEmpty() || name.length() > ScalingLimits.MAX_DIMENSION_NAME_LENGTH) {
            throw ValidationErrors.invalid(field + ".Name", "must hold 1 to " + ScalingLimits.MAX_DIMENSION_NAME_LENGTH + " characters");
        }
        if (value.isEmpty() || value.length() > ScalingLimits.MAX_DIMENSION_VALUE_LENGTH) {
            throw ValidationErrors.invalid(field + ".Value", "must hold 1 to " + ScalingLimits.MAX_DIMENSION_VALUE_LENGTH + " characters");
        }
        return new MetricDimension(name, value);
    }
}
