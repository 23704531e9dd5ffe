package dev.berth.autoscaler.metrics;

import java.time.Duration;

/**
 * The resolutions data points are kept at, as CloudWatch keeps them: high-resolution (1 s) data
 * for 3 hours, 1-minute sets for 15 days, 5-minute sets for 63 days, 1-hour sets for 455 days.
 */
public enum StorageLevel {
    SECOND("datapoint_1s", 1, Duration.ofHours(3)),
    MINUTE("datapoint_1m", 60, Duration.ofDays(15)),
    FIVE_MINUTES("datapoint_5m", 300, Duration.ofDays(63)),
    HOUR("datapoint_1h", 3600, Duration.ofDays(455));

    private final String table;
    private final int seconds;
    private final Duration retention;

    StorageLevel(String table, int seconds, Duration retention) {
        this.table = table;
        this.seconds = seconds;
        this.retention = retention;
    }

    public String table() {
        return table;
    }

    /** The bucket length, in seconds. */
    public int seconds() {
        return seconds;
    }

    public Duration retention() {
        return retention;
    }

    /** The start of the bucket an instant falls in, in epoch seconds. */
    public long bucketOf(long epochSecond) {
        return Math.floorDiv(epochSecond, seconds) * seconds;
    }

    /** The coarser level this one rolls up into, or null. */
    public StorageLevel coarser() {
        return switch (this) {
            case MINUTE -> FIVE_MINUTES;
            case FIVE_MINUTES -> HOUR;
            default -> null;
        };
    }
}
