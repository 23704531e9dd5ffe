package dev.berth.autoscaler.scaling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The capacity target tracking asks for: proportional to metric ÷ target, always rounded on the side of
 * availability (AWS: "rounding up or down ... prevents it from adding insufficient capacity or removing too
 * much capacity"). Adding, the new capacity is ⌈tasks × metric ÷ target⌉; removing, the number removed is
 * rounded down, which keeps the metric at or under the target after the removal (10 tasks at 22 % with a
 * target of 50: 4.4 tasks' worth of load, so 5 tasks remain at 44 %, not 4 at 55 %). Computed in decimal.
 */
public final class TargetTrackingCapacity {

    private TargetTrackingCapacity() {
    }

    /** ⌈tasks × metric ÷ target⌉. */
    public static int toAdd(int tasks, double metric, double target) {
        return ScalingLimits.saturatedInt(load(tasks, metric, target).setScale(0, RoundingMode.CEILING));
    }

    /** tasks − ⌊tasks − tasks × metric ÷ target⌋: at most the tasks the load no longer needs are removed. */
    public static int toRemove(int tasks, double metric, double target) {
        BigDecimal removable = BigDecimal.valueOf(tasks).subtract(load(tasks, metric, target));
        long removed = Math.max(0, ScalingLimits.saturatedInt(removable.setScale(0, RoundingMode.FLOOR)));
        return (int) Math.max(0, tasks - removed);
    }

    /**
     * Whether removing one task would likely push the metric over the target:
     * tasks × metric ÷ (tasks − 1) > target (for one task: any load at all).
     */
    public static boolean removingOneWouldExceedTarget(int tasks, double metric, double target) {
        BigDecimal load = BigDecimal.valueOf(tasks).multiply(BigDecimal.valueOf(metric));
        return load.compareTo(BigDecimal.valueOf(target).multiply(BigDecimal.valueOf(tasks - 1L))) > 0;
    }

    private static BigDecimal load(int tasks, double metric, double target) {
        return BigDecimal.valueOf(tasks).multiply(BigDecimal.valueOf(metric))
                .divide(BigDecimal.valueOf(target), MathContext.DECIMAL128);
    }
}
