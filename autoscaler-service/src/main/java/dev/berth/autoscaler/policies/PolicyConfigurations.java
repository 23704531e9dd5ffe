package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.scaling.MetricDimension;
import dev.berth.autoscaler.scaling.PolicyType;
import dev.berth.autoscaler.scaling.StepAdjustment;
import dev.berth.autoscaler.scaling.StepScalingConfiguration;
import dev.berth.autoscaler.scaling.TargetTrackingConfiguration;
import dev.berth.autoscaler.scaling.TrackedMetric;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** PutScalingPolicy's configuration members → the checked domain configuration; each error names its field. */
public final class PolicyConfigurations {

    static final String TARGET_TRACKING = "TargetTrackingScalingPolicyConfiguration";
    static final String STEP = "StepScalingPolicyConfiguration";

    private PolicyConfigurations() {
    }

    /** The configuration the PolicyType asks for; the other one must be left out. */
    public static PolicyConfiguration of(PolicyType type, PolicyMessages.TargetTrackingScalingPolicyConfiguration targetTracking,
            PolicyMessages.StepScalingPolicyConfiguration step) {
        return switch (type) {
            case TARGET_TRACKING_SCALING -> {
                if (step != null) {
                    throw invalid(STEP, "is only for PolicyType StepScaling");
                }
                yield new PolicyConfiguration.TargetTracking(targetTracking(targetTracking));
            }
            case STEP_SCALING -> {
                if (targetTracking != null) {
                    throw invalid(TARGET_TRACKING, "is only for PolicyType TargetTrackingScaling");
                }
                yield new PolicyConfiguration.Step(step(step));
            }
        };
    }

    public static TargetTrackingConfiguration targetTracking(PolicyMessages.TargetTrackingScalingPolicyConfiguration wire) {
        if (wire == null) {
            throw invalid(TARGET_TRACKING, "is required for PolicyType TargetTrackingScaling");
        }
        PolicyMessages.PredefinedMetricSpecification predefined = wire.predefinedMetricSpecification();
        PolicyMessages.CustomizedMetricSpecification customized = wire.customizedMetricSpecification();
        if (predefined != null && customized != null) {
            throw invalid(TARGET_TRACKING, "needs exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification");
        }
        TrackedMetric.Predefined predefinedMetric = null;
        TrackedMetric.Customized customizedMetric = null;
        if (predefined != null) {
            predefinedMetric = TrackedMetric.Predefined.of(predefined.predefinedMetricType(), predefined.resourceLabel());
        } else if (customized != null) {
            if (customized.metrics() != null) {
                throw invalid(TARGET_TRACKING + ".CustomizedMetricSpecification.Metrics",
                        "metric math is not supported: give MetricName, Namespace, Dimensions and Statistic of one metric");
            }
            customizedMetric = TrackedMetric.Customized.of(customized.namespace(), customized.metricName(),
                    dimensions(customized.dimensions()), customized.statistic(), customized.unit());
        }
        return TargetTrackingConfiguration.of(wire.targetValue(), predefinedMetric, customizedMetric,
                wire.scaleOutCooldown(), wire.scaleInCooldown(), wire.disableScaleIn(), null);
    }

    public static StepScalingConfiguration step(PolicyMessages.StepScalingPolicyConfiguration wire) {
        if (wire == null) {
            throw invalid(STEP, "is required for PolicyType StepScaling");
        }
        List<StepAdjustment> steps = null;
        if (wire.stepAdjustments() != null) {
            steps = new ArrayList<>();
            for (int i = 0; i < wire.stepAdjustments().size(); i++) {
                PolicyMessages.StepAdjustment step = wire.stepAdjustments().get(i);
                String field = STEP + ".StepAdjustments[" + i + "]";
                if (step == null) {
                    throw invalid(field, "is required");
                }
                if (step.scalingAdjustment() == null) {
                    throw invalid(field + ".ScalingAdjustment", "is required");
                }
                steps.add(new StepAdjustment(step.metricIntervalLowerBound(), step.metricIntervalUpperBound(),
                        step.scalingAdjustment()));
            }
        }
        return StepScalingConfiguration.of(wire.adjustmentType(), steps, wire.minAdjustmentMagnitude(), wire.cooldown(),
                wire.metricAggregationType());
    }

    private static List<MetricDimension> dimensions(List<PolicyMessages.MetricDimension> wire) {
        if (wire == null) {
            return null;
        }
        // a null entry stays null: the domain check names it
        return wire.stream().map(d -> d == null ? null : new MetricDimension(d.name(), d.value())).toList();
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException(ErrorCode.VALIDATION, field, problem);
    }
}
