package dev.berth.autoscaler.scaling;

import java.util.Arrays;

/** How a step scaling policy aggregates the alarm's latest datapoints before choosing a step; Average when left out. */
public enum MetricAggregationType {
    AVERAGE("Average"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum");

    private final String awsName;

    MetricAggregationType(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    static MetricAggregationType parse(String value, String field) {
        if (value == null) {
            return AVERAGE;
        }
        for (MetricAggregationType type : values()) {
            if (type.awsName.equals(value)) {
                return type;
            }
        }
        throw ValidationErrors.invalid(field, "must be Average, Minimum or Maximum");
    }

    /** The aggregate of the given values (at least one). */
    public double aggregate(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to aggregate");
        }
        return switch (this) {
            case AVERAGE -> Arrays.stream(values).average().orElseThrow();
            case MINIMUM -> Arrays.stream(values).min().orElseThrow();
            case MAXIMUM -> Arrays.stream(values).max().orElseThrow();
        };
    }

    @Override
    public String toString() {
        return awsName;
    }
}
