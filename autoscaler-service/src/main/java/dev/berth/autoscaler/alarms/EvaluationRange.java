package dev.berth.autoscaler.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The periods an evaluation looks at, oldest first.
 *
 * <p>Alignment: periods are aligned to the Unix epoch, period {@code k} covering
 * {@code [k x Period, (k+1) x Period)} in UTC seconds, the way the metric store's 1-minute, 5-minute and
 * 1-hour rollups are cut. The range ends at the end of the newest <em>complete</em> period, the last
 * boundary at or before {@code now} (a period still under way is never evaluated: its statistic would
 * change), so every evaluation within one period sees the same periods. CloudWatch itself slides its
 * window with the evaluation minute; Berth aligns so that a breach is judged on whole periods of the
 * store.
 *
 * <p>The range holds {@link #EXTRA_PERIODS} periods more than EvaluationPeriods: CloudWatch retrieves
 * more datapoints than N to reach back past missing ones (its user guide's tables use 5 for N = 3, and
 * AWS publishes no other number).
 */
public record EvaluationRange(Instant start, Instant end, Duration period) {

    public static final int EXTRA_PERIODS = 2;

    public static EvaluationRange of(int periodSeconds, int evaluationPeriods, Instant now) {
        long endSecond = Math.floorDiv(now.getEpochSecond(), periodSeconds) * periodSeconds;
        long periods = (long) evaluationPeriods + EXTRA_PERIODS;
        return new EvaluationRange(Instant.ofEpochSecond(endSecond - periods * periodSeconds),
                Instant.ofEpochSecond(endSecond), Duration.ofSeconds(periodSeconds));
    }

    public int size() {
        return (int) (Duration.between(start, end).toSeconds() / period.toSeconds());
    }

    /** The start of each period, oldest first. */
    public List<Instant> periodStarts() {
        return LongStream.range(0, size()).mapToObj(i -> start.plus(period.multipliedBy(i))).toList();
    }

    public boolean isPeriodStart(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end)
                && instant.getNano() == 0 && Duration.between(start, instant).toSeconds() % period.toSeconds() == 0;
    }
}
