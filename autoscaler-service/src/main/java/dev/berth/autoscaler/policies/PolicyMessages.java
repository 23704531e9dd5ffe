package dev.berth.autoscaler.policies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The wire shapes of PutScalingPolicy, DescribeScalingPolicies and DeleteScalingPolicy, as botocore's. */
public final class PolicyMessages {

    private PolicyMessages() {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PutScalingPolicyRequest(
            @Schema(required = true, maxLength = 256, examples = "cpu50") String policyName,
            @Schema(required = true, examples = "ecs") String serviceNamespace,
            @Schema(required = true, examples = "service/default/web") String resourceId,
            @Schema(required = true, examples = "ecs:service:DesiredCount") String scalableDimension,
            @Schema(required = true, description = "TargetTrackingScaling or StepScaling") String policyType,
            StepScalingPolicyConfiguration stepScalingPolicyConfiguration,
            TargetTrackingScalingPolicyConfiguration targetTrackingScalingPolicyConfiguration) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetTrackingScalingPolicyConfiguration(
            @Schema(required = true, description = "Above 0", examples = "50") Double targetValue,
            PredefinedMetricSpecification predefinedMetricSpecification,
            CustomizedMetricSpecification customizedMetricSpecification,
            @Schema(description = "Seconds, 0 to 86400, default 300") Integer scaleOutCooldown,
            @Schema(description = "Seconds, 0 to 86400, default 300") Integer scaleInCooldown,
            @Schema(description = "Default false: no low alarm when true") Boolean disableScaleIn) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PredefinedMetricSpecification(
            @Schema(required = true, examples = "ECSServiceAverageCPUUtilization") String predefinedMetricType,
            @Schema(maxLength = 1023, description = "Only for ALBRequestCountPerTarget") String resourceLabel) {
    }

    /** A single metric; metric math (Metrics) is read only to be refused by name. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomizedMetricSpecification(
            @Schema(required = true, maxLength = 255) String metricName,
            @Schema(required = true, maxLength = 255) String namespace,
            @Schema(maxItems = 30) List<MetricDimension> dimensions,
            @Schema(required = true, description = "Average, Minimum, Maximum, SampleCount or Sum") String statistic,
            String unit,
            @Schema(description = "Metric math: not supported, refused when given") List<TargetTrackingMetricDataQuery> metrics) {
    }

    /** AWS's metric-math query of a target-tracking policy; its MetricStat is not read. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetTrackingMetricDataQuery(String id, String expression, String label, Boolean returnData) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record MetricDimension(@Schema(required = true) String name, @Schema(required = true) String value) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepScalingPolicyConfiguration(
            @Schema(required = true, description = "ChangeInCapacity, PercentChangeInCapacity or ExactCapacity")
            String adjustmentType,
            @Schema(required = true, minItems = 1, maxItems = 20) List<StepAdjustment> stepAdjustments,
            @Schema(description = "Only with PercentChangeInCapacity") Integer minAdjustmentMagnitude,
            @Schema(description = "Seconds, 0 to 86400, default 300") Integer cooldown,
            @Schema(description = "Average (default), Minimum or Maximum") String metricAggregationType) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepAdjustment(
            @Schema(description = "Relative to the alarm's threshold; none: −∞") Double metricIntervalLowerBound,
            @Schema(description = "Relative to the alarm's threshold; none: +∞") Double metricIntervalUpperBound,
            @Schema(required = true) Integer scalingAdjustment) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record Alarm(String alarmName, String alarmARN) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PutScalingPolicyResponse(String policyARN, @Schema(description = "Target tracking only") List<Alarm> alarms) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScalingPolicy(String policyARN, String policyName, String serviceNamespace, String resourceId,
            String scalableDimension, String policyType, StepScalingPolicyConfiguration stepScalingPolicyConfiguration,
            TargetTrackingScalingPolicyConfiguration targetTrackingScalingPolicyConfiguration, List<Alarm> alarms,
            Instant creationTime) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DescribeScalingPoliciesResponse(List<ScalingPolicy> scalingPolicies, String nextToken) {
    }

    /** DeleteScalingPolicy answers an empty object, as AWS does. */
    public record DeleteScalingPolicyResponse() {
    }
}
