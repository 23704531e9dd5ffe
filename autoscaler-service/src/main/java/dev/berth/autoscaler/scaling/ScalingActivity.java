package dev.berth.autoscaler.scaling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One scaling activity of a scalable target as DescribeScalingActivities shows it. A capacity change also
 * carries what its scaling action asks ({@code desiredCount}, bounds, direction) so it can be sent again.
 */
public record ScalingActivity(UUID activityId, String tenant, ScalableTargetId target, String description, String cause,
        Instant startTime, Instant endTime, ActivityStatusCode statusCode, String statusMessage,
        List<NotScaledReason> notScaledReasons, Integer desiredCount, Integer minCapacity, Integer maxCapacity,
        boolean scaleIn) {

    public ScalingActivity {
        notScaledReasons = notScaledReasons == null ? List.of() : List.copyOf(notScaledReasons);
    }

    /** A new InProgress activity that sets the desired count to {@code desiredCount}. */
    public static ScalingActivity capacityChange(String tenant, ScalableTargetId target, CapacityRange bounds,
            int currentCount, int desiredCount, String cause, Instant now) {
        return new ScalingActivity(UUID.randomUUID(), tenant, target, ActivityTexts.settingDesiredCount(desiredCount),
                cause, now, null, ActivityStatusCode.IN_PROGRESS, null, List.of(), desiredCount, bounds.min(),
                bounds.max(), desiredCount < currentCount);
    }

    /** A finished activity that changed no count (new bounds of a scheduled action, a not-scaled decision). */
    public static ScalingActivity finished(String tenant, ScalableTargetId target, String description, String cause,
            ActivityStatusCode status, String statusMessage, List<NotScaledReason> reasons, Instant now) {
        return new ScalingActivity(UUID.randomUUID(), tenant, target, description, cause, now, now, status,
                statusMessage, reasons, null, null, null, false);
    }

    public boolean isCapacityChange() {
        return desiredCount != null;
    }
}
