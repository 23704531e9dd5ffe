package dev.berth.autoscaler.scaling;

import java.time.Duration;

/**
 * A checked TargetTrackingScalingPolicyConfiguration. {@code highResolution} is Berth's own option (off by
 * default): 10-second alarm periods, see {@link TargetTrackingAlarms}.
 */
public record TargetTrackingConfiguration(double targetValue, TrackedMetric metric, Duration scaleOutCooldown,
        Duration scaleInCooldown, boolean disableScaleIn, boolean highResolution) {

    static final String FIELD = "TargetTrackingScalingPolicyConfiguration";

    /**
     * From the request's values: exactly one of the two metric specifications, cooldowns 300 s and
     * DisableScaleIn false when left out. AWS takes TargetValue in [-2^360, 2^360]; Berth also needs it
     * above zero, because the new capacity is proportional to metric ÷ target.
     */
    public static TargetTrackingConfiguration of(Double targetValue, TrackedMetric.Predefined predefined,
            TrackedMetric.Customized customized, Integer scaleOutCooldown, Integer scaleInCooldown, Boolean disableScaleIn,
            Boolean highResolution) {
        ValidationErrors.required(targetValue, FIELD + ".TargetValue");
        if (!Double.isFinite(targetValue) || Math.abs(targetValue) > ScalingLimits.MAX_TARGET_VALUE) {
            throw ValidationErrors.invalid(FIELD + ".TargetValue", "must be a number between -2^360 and 2^360");
        }
        if (targetValue <= 0) {
            throw ValidationErrors.invalid(FIELD + ".TargetValue", "must be greater than 0, got " + targetValue);
        }
        if ((predefined == null) == (customized == null)) {
            throw ValidationErrors.invalid(FIELD, "needs exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification");
        }
        TrackedMetric metric = predefined != null ? predefined : customized;
        boolean predefinedHighResolution = predefined != null && predefined.type().highResolution();
        return new TargetTrackingConfiguration(targetValue, metric,
                Cooldowns.parse(scaleOutCooldown, FIELD + ".ScaleOutCooldown"),
                Cooldowns.parse(scaleInCooldown, FIELD + ".ScaleInCooldown"),
                Boolean.TRUE.equals(disableScaleIn),
                Boolean.TRUE.equals(highResolution) || predefinedHighResolution);
    }

    public boolean scaleInEnabled() {
        return !disableScaleIn;
    }
}
