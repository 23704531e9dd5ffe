package dev.berth.autoscaler.metrics;

import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The periods a statistics query returns, by CloudWatch's rules: the level is chosen by how old
 * the start is (up to 3 hours: 1-second data for periods under a minute; up to 15 days: 1-minute;
 * up to 63 days: 5-minute; older: 1-hour), the period must be 1, 5, 10, 20, 30 or a multiple of
 * 60, and a multiple of the level's resolution. The start is rounded down to the level's
 * resolution; periods follow from it, start inclusive, end exclusive.
 *
 * @param start  the first period's start, epoch seconds
 * @param end    the exclusive end, epoch seconds
 * @param period seconds
 */
public record PeriodWindow(StorageLevel level, long start, long end, int period) {

    /** GetMetricStatistics answers at most this many data points. */
    public static final int MAX_DATAPOINTS = 1440;
    private static final Set<Integer> SUB_MINUTE_PERIODS = Set.of(1, 5, 10, 20, 30);
    static final Duration HIGH_RESOLUTION_KEPT = StorageLevel.SECOND.retention();

    /**
     * @param periodField the name the caller gave the period (e.g. {@code Period}), for errors
     */
    public static PeriodWindow of(Instant startTime, Instant endTime, Integer period, Instant now, String periodField) {
        if (startTime == null) {
            throw new InvalidInputException("StartTime", "required");
        }
        if (endTime == null) {
            throw new InvalidInputException("EndTime", "required");
        }
        if (!endTime.isAfter(startTime)) {
            throw new InvalidInputException("EndTime", "must be after StartTime");
        }
        if (period == null) {
            throw new InvalidInputException(periodField, "required");
        }
        if (period < 60 ? !SUB_MINUTE_PERIODS.contains(period) : period % 60 != 0) {
            throw new InvalidInputException(periodField, "1, 5, 10, 20, 30 or a multiple of 60, got " + period);
        }
        Duration age = Duration.between(startTime, now);
        StorageLevel level;
        if (age.compareTo(HIGH_RESOLUTION_KEPT) <= 0) {
            level = period < 60 ? StorageLevel.SECOND : StorageLevel.MINUTE;
        } else if (age.compareTo(StorageLevel.MINUTE.retention()) <= 0) {
            level = StorageLevel.MINUTE;
        } else if (age.compareTo(StorageLevel.FIVE_MINUTES.retention()) <= 0) {
            level = StorageLevel.FIVE_MINUTES;
        } else {
            level = StorageLevel.HOUR;
        }
        if (period % level.seconds() != 0) {
            throw new InvalidInputException(periodField, "data from " + describeAge(level) + " is kept at "
                    + level.seconds() + "-second resolution: the period must be a multiple of " + level.seconds()
                    + ", got " + period);
        }
        long start = level.bucketOf(startTime.getEpochSecond());
        long end = endTime.getEpochSecond() + (endTime.getNano() > 0 ? 1 : 0);
        return new PeriodWindow(level, start, end, period);
    }

    private static String describeAge(StorageLevel level) {
        return switch (level) {
            case MINUTE -> "more than 3 hours ago";
            case FIVE_MINUTES -> "more than 15 days ago";
            default -> "more than 63 days ago";
        };
    }

    /** How many periods the window has, the last one possibly cut short by the end. */
    public long periods() {
        return (end - start + period - 1) / period;
    }

    /** The start of period {@code index}. */
    public Instant periodStart(long index) {
        return Instant.ofEpochSecond(start + index * period);
    }

    /** Refuses a window of more than {@link #MAX_DATAPOINTS} periods, as GetMetricStatistics does. */
    public PeriodWindow requireAtMostMaxDatapoints(String periodField) {
        if (periods() > MAX_DATAPOINTS) {
            throw new InvalidInputException(periodField, "You have requested up to " + periods()
                    + " datapoints, which exceeds the limit of " + MAX_DATAPOINTS
                    + ". You may reduce the datapoints requested by increasing Period, or decreasing the time range.");
        }
        return this;
    }
}
