package dev.berth.autoscaler.scaling;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import java.math.BigDecimal;
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

    /** PutScalingPolicy of a new policy on a target that already has {@code existingPolicies}. */
    public static void requireRoomForPolicy(int existingPolicies) {
        if (existingPolicies >= MAX_POLICIES_PER_TARGET) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "A scalable target may have up to "
                    + MAX_POLICIES_PER_TARGET + " scaling policies; this one has " + existingPolicies);
        }
    }

    /** PutScheduledAction of a new action on a target that already has {@code existingActions}. */
    public static void requireRoomForScheduledAction(int existingActions) {
        if (existingActions >= MAX_SCHEDULED_ACTIONS_PER_TARGET) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "A scalable target may have up to "
                    + MAX_SCHEDULED_ACTIONS_PER_TARGET + " scheduled actions; this one has " + existingActions);
        }
    }

    /** A computed capacity as an int, saturating instead of overflowing (a custom metric may be huge). */
    static int saturatedInt(BigDecimal value) {
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return Integer.MIN_VALUE;
        }
        return value.intValueExact();
    }
}
