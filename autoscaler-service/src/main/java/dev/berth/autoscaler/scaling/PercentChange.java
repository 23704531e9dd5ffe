package dev.berth.autoscaler.scaling;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PercentChangeInCapacity as AWS rounds it: above 1 rounded down (12.7 → 12), between 0 and 1 to 1,
 * between −1 and 0 to −1, below −1 rounded up (−6.67 → −6); so a non-zero percentage always moves by
 * at least one task and never by more than the exact share. Computed in decimal: 10 % of 30 is 3, not 2.
 */
public final class PercentChange {

    private PercentChange() {
    }

    /** The change in tasks for {@code percent} % of {@code capacity}, before MinAdjustmentMagnitude. */
    public static int of(int capacity, int percent) {
        return round(BigDecimal.valueOf(capacity).multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100)));
    }

    /** AWS's rounding of a fractional change. */
    public static int round(BigDecimal change) {
        if (change.signum() == 0) {
            return 0;
        }
        if (change.abs().compareTo(BigDecimal.ONE) < 0) {
            return change.signum();
        }
        return ScalingLimits.saturatedInt(change.setScale(0, RoundingMode.DOWN));
    }

    /** The change raised to at least {@code minMagnitude} tasks in its own direction. */
    public static int withMinimumMagnitude(int change, Integer minMagnitude) {
        if (minMagnitude == null || change == 0 || Math.abs(change) >= minMagnitude) {
            return change;
        }
        return Integer.signum(change) * minMagnitude;
    }
}
