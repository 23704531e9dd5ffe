package dev.berth.autoscaler.scaling;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A checked StepScalingPolicyConfiguration. */
public record StepScalingConfiguration(AdjustmentType adjustmentType, List<StepAdjustment> stepAdjustments,
        Integer minAdjustmentMagnitude, Duration cooldown, MetricAggregationType metricAggregationType) {

    static final String FIELD = "StepScalingPolicyConfiguration";
    static final String STEPS = FIELD + ".StepAdjustments";

    public StepScalingConfiguration {
        stepAdjustments = List.copyOf(stepAdjustments);
    }

    /**
     * From the request's values. AWS's rules: 1 to 20 steps; no step with both bounds null; upper above
     * lower; steps neither overlap nor leave a gap; a negative lower bound needs a step down to −∞ and a
     * positive upper bound a step up to +∞; ExactCapacity adjustments not negative; MinAdjustmentMagnitude
     * only with PercentChangeInCapacity. Cooldown 300 s and MetricAggregationType Average when left out.
     */
    public static StepScalingConfiguration of(String adjustmentType, List<StepAdjustment> steps,
            Integer minAdjustmentMagnitude, Integer cooldown, String metricAggregationType) {
        AdjustmentType type = AdjustmentType.parse(adjustmentType, FIELD + ".AdjustmentType");
        checkSteps(type, steps);
        if (minAdjustmentMagnitude != null) {
            if (type != AdjustmentType.PERCENT_CHANGE_IN_CAPACITY) {
                throw ValidationErrors.invalid(FIELD + ".MinAdjustmentMagnitude", "is only for PercentChangeInCapacity");
            }
            if (minAdjustmentMagnitude < 0) {
                throw ValidationErrors.invalid(FIELD + ".MinAdjustmentMagnitude", "must be at least 0, got " + minAdjustmentMagnitude);
            }
        }
        return new StepScalingConfiguration(type, steps, minAdjustmentMagnitude, Cooldowns.parse(cooldown, FIELD + ".Cooldown"),
                MetricAggregationType.parse(metricAggregationType, FIELD + ".MetricAggregationType"));
    }

    private static void checkSteps(AdjustmentType type, List<StepAdjustment> steps) {
        if (steps == null || steps.isEmpty()) {
            throw ValidationErrors.invalid(STEPS, "needs at least one step adjustment");
        }
        if (steps.size() > ScalingLimits.MAX_STEP_ADJUSTMENTS) {
            throw ValidationErrors.invalid(STEPS, "may hold up to " + ScalingLimits.MAX_STEP_ADJUSTMENTS + " step adjustments, got " + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            StepAdjustment step = ValidationErrors.required(steps.get(i), STEPS + "[" + i + "]");
            checkStep(type, step, STEPS + "[" + i + "]");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> steps.get(i).lower()));
        for (int k = 0; k + 1 < order.size(); k++) {
            StepAdjustment step = steps.get(order.get(k));
            StepAdjustment next = steps.get(order.get(k + 1));
            if (step.upper() > next.lower()) {
                throw ValidationErrors.invalid(STEPS + "[" + order.get(k + 1) + "]",
                        "overlaps step adjustment " + order.get(k) + " (" + interval(next) + " and " + interval(step) + ")");
            }
            if (step.upper() < next.lower()) {
                throw ValidationErrors.invalid(STEPS + "[" + order.get(k + 1) + "]",
                        "leaves a gap after step adjustment " + order.get(k) + " (" + interval(step) + " then " + interval(next) + ")");
            }
        }
        int lowest = order.getFirst();
        int highest = order.getLast();
        if (steps.get(lowest).lower() < 0 && steps.get(lowest).metricIntervalLowerBound() != null) {
            throw ValidationErrors.invalid(STEPS + "[" + lowest + "]",
                    "has a negative lower bound, so a step adjustment with no lower bound (−∞) must follow below it");
        }
        if (steps.get(highest).upper() > 0 && steps.get(highest).metricIntervalUpperBound() != null) {
            throw ValidationErrors.invalid(STEPS + "[" + highest + "]",
                    "has a positive upper bound, so a step adjustment with no upper bound (+∞) must follow above it");
        }
    }

    private static void checkStep(AdjustmentType type, StepAdjustment step, String field) {
        Double lower = step.metricIntervalLowerBound();
        Double upper = step.metricIntervalUpperBound();
        if (lower == null && upper == null) {
            throw ValidationErrors.invalid(field, "MetricIntervalLowerBound and MetricIntervalUpperBound cannot both be null");
        }
        if (lower != null && !Double.isFinite(lower)) {
            throw ValidationErrors.invalid(field + ".MetricIntervalLowerBound", "must be a finite number");
        }
        if (upper != null && !Double.isFinite(upper)) {
            throw ValidationErrors.invalid(field + ".MetricIntervalUpperBound", "must be a finite number");
        }
        if (lower != null && upper != null && upper <= lower) {
            throw ValidationErrors.invalid(field + ".MetricIntervalUpperBound",
                    "must be greater than MetricIntervalLowerBound (" + upper + " ≤ " + lower + ")");
        }
        if (type == AdjustmentType.EXACT_CAPACITY && step.scalingAdjustment() < 0) {
            throw ValidationErrors.invalid(field + ".ScalingAdjustment", "must not be negative with ExactCapacity");
        }
    }

    private static String interval(StepAdjustment step) {
        return "[" + (step.metricIntervalLowerBound() == null ? "−∞" : step.metricIntervalLowerBound()) + ", "
                + (step.metricIntervalUpperBound() == null ? "+∞" : step.metricIntervalUpperBound()) + ")";
    }

    /**
     * The step for the aggregated metric against the alarm's threshold. Above the threshold a step holds
     * [lower, upper), below it (lower, upper]; exactly at the threshold the step that holds it either way
     * (a scale-out step [0, 10) or a scale-in step [−10, 0]). The difference is taken in decimal: 0.3
     * against a threshold of 0.1 is 0.2, on a bound of 0.2.
     */
    public Optional<StepAdjustment> stepFor(double metricValue, double threshold) {
        double difference = BigDecimal.valueOf(metricValue).subtract(BigDecimal.valueOf(threshold)).doubleValue();
        if (difference >= 0) {
            Optional<StepAdjustment> above = stepAdjustments.stream().filter(s -> s.containsAbove(difference)).findFirst();
            if (above.isPresent() || difference > 0) {
                return above;
            }
        }
        return stepAdjustments.stream().filter(s -> s.containsBelow(difference)).findFirst();
    }

    /** The capacity a step asks for, from {@code capacity} (before bounds; never below zero). */
    public int capacityAfter(StepAdjustment step, int capacity) {
        long result = switch (adjustmentType) {
            case CHANGE_IN_CAPACITY -> (long) capacity + step.scalingAdjustment();
            case EXACT_CAPACITY -> step.scalingAdjustment();
            case PERCENT_CHANGE_IN_CAPACITY -> (long) capacity + PercentChange.withMinimumMagnitude(
                    PercentChange.of(capacity, step.scalingAdjustment()), minAdjustmentMagnitude);
        };
        return (int) Math.clamp(result, 0, Integer.MAX_VALUE);
    }
}
