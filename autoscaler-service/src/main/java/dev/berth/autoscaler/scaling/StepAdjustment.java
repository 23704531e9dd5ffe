package dev.berth.autoscaler.scaling;

/**
 * One step: bounds relative to the alarm's threshold (null lower = −∞, null upper = +∞) and the adjustment.
 * Above the threshold the lower bound is inclusive and the upper one exclusive; below it the reverse.
 */
public record StepAdjustment(Double metricIntervalLowerBound, Double metricIntervalUpperBound, int scalingAdjustment) {

    double lower() {
        return metricIntervalLowerBound == null ? Double.NEGATIVE_INFINITY : metricIntervalLowerBound;
    }

    double upper() {
        return metricIntervalUpperBound == null ? Double.POSITIVE_INFINITY : metricIntervalUpperBound;
    }

    /** Whether {@code difference} (metric − threshold) falls in this step when the metric is above the threshold. */
    boolean containsAbove(double difference) {
        return lower() <= difference && difference < upper();
    }

    /** Whether {@code difference} falls in this step when the metric is below the threshold. */
    boolean containsBelow(double difference) {
        return lower() < difference && difference <= upper();
    }
}
