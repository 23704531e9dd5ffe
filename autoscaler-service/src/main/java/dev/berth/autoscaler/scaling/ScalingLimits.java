package dev.berth.autoscaler.scaling;

import java.time.Duration;

/** Application Auto Scaling's quotas and the input limits of its API, by name. */
public final class ScalingLimits {

    /** Scaling policies per scalable target (AWS quota). */
    public static final int MAX_POLICIES_PER_TARGET = 50;
    /** Scheduled actions per scalable target (AWS quota). */
    public static final int MAX_SCHEDULED_ACTIONS_PER_TARGET = 200;
    /** Step adjustments per step scaling policy (AWS quota). */
    public static final int MAX_STEP_ADJUSTMENTS = 20;
    /** ResourceId, as botocore's {@code ResourceIdMaxLen1600}. */
    public static final int MAX_RESOURCE_ID_LENGTH = 1600;
    /** PolicyName, as botocore's {@code PolicyName} (1 to 256 printable characters). */
    public static final int MAX_POLICY_NAME_LENGTH = 256;
    /** ECS cluster and service names. */
    public static final int MAX_ECS_NAME_LENGTH = 255;
    /** ResourceLabel of ALBRequestCountPerTarget, as botocore's {@code ResourceLabel}. */
    public static final int MAX_RESOURCE_LABEL_LENGTH = 1023;
    /** Dimensions of a customized metric, as CloudWatch's limit per metric. */
    public static final int MAX_METRIC_DIMENSIONS = 30;
    /** Namespace, metric and dimension names and values, as CloudWatch's limits. */
    public static final int MAX_METRIC_NAMESPACE_LENGTH = 255;
    public static final int MAX_METRIC_NAME_LENGTH = 255;
    public static final int MAX_DIMENSION_NAME_LENGTH = 255;
    public static final int MAX_DIMENSION_VALUE_LENGTH = 1024;
    /** TargetValue must lie in [-2^360, 2^360], as AWS documents; Berth also needs it above zero. */
    public static final double MAX_TARGET_VALUE = Math.pow(2, 360);
    /** Default of Cooldown, ScaleOutCooldown and ScaleInCooldown for ECS services. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);
    /** AWS states no upper bound for cooldowns; Berth takes up to one day. */
    public static final int MAX_COOLDOWN_SECONDS = 86_400;

    private ScalingLimits() {
    }
}
