package dev.berth.autoscaler.scheduledactions;

import com.google.re2j.Pattern;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.schedule.ScheduleExpression;
import dev.berth.common.schedule.ScheduleSyntax;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A scheduled action of a scalable target (Application Auto Scaling's PutScheduledAction): when
 * its schedule fires between {@code startTime} and {@code endTime}, the target's minimum and/or
 * maximum capacity become the action's. Nothing is reverted after {@code endTime}.
 *
 * @param scheduleText the expression as given, shown back as given
 * @param createdAt    where a {@code rate(...)} counts from when there is no start time
 */
public record ScheduledAction(String name, String scheduleText, ZoneId zone, Instant startTime, Instant endTime,
                              Integer minCapacity, Integer maxCapacity, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 256;
    /** AWS's ResourceCapacity has no upper bound; a service cannot want more tasks than this anyway. */
    public static final int MAX_CAPACITY = 1_000_000_000;
    /** AWS's pattern for names: no leading or trailing blank, no control character, none of {@code : / |}. */
    private static final Pattern NAME = Pattern.compile("[^ \\x00-\\x1f\\x7f-\\x9f:/|]([^\\x00-\\x1f\\x7f-\\x9f:/|]*[^ \\x00-\\x1f\\x7f-\\x9f:/|])?");

    /** A valid action, or {@link InvalidInputException} naming the AWS field that is wrong. */
    public static ScheduledAction of(String name, String schedule, String timezone, Instant startTime, Instant endTime,
                                     Integer minCapacity, Integer maxCapacity, Instant createdAt) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("ScheduledActionName", "1 to " + MAX_NAME_LENGTH + " characters are required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("ScheduledActionName",
                    "may not start or end with a blank nor hold control characters, ':', '/' or '|'");
        }
        if (schedule == null || schedule.isBlank()) {
            throw new InvalidInputException("Schedule", "an at(), rate() or cron() expression is required");
        }
        ZoneId zone = ScheduleExpression.zone(timezone, ScheduleSyntax.SCHEDULED_ACTION);
        ScheduleExpression.parse(schedule, createdAt, ScheduleSyntax.SCHEDULED_ACTION);
        if (startTime != null && endTime != null && !endTime.isAfter(startTime)) {
            throw new InvalidInputException("EndTime", "must be after StartTime (" + startTime + ")");
        }
        if (minCapacity == null && maxCapacity == null) {
            throw new InvalidInputException("ScalableTargetAction", "MinCapacity, MaxCapacity or both are required");
        }
        requireCapacity("ScalableTargetAction.MinCapacity", minCapacity);
        requireCapacity("ScalableTargetAction.MaxCapacity", maxCapacity);
        if (minCapacity != null && maxCapacity != null && minCapacity > maxCapacity) {
            throw new InvalidInputException("ScalableTargetAction.MinCapacity",
                    minCapacity + " is more than MaxCapacity " + maxCapacity);
        }
        return new ScheduledAction(name, schedule.trim(), zone, startTime, endTime, minCapacity, maxCapacity, createdAt);
    }

    private static void requireCapacity(String field, Integer capacity) {
        if (capacity != null && (capacity < 0 || capacity > MAX_CAPACITY)) {
            throw new InvalidInputException(field, "must be 0 to " + MAX_CAPACITY + ", got " + capacity);
        }
    }

    public ScheduleExpression schedule() {
        return ScheduleExpression.parse(scheduleText, startTime != null ? startTime : createdAt,
                ScheduleSyntax.SCHEDULED_ACTION);
    }

    /** The first run strictly after {@code after} within the start and end time; empty when there is none left. */
    public Optional<Instant> nextRunAfter(Instant after) {
        Instant from = startTime != null && startTime.isAfter(after) ? startTime.minusNanos(1) : after;
        return schedule().nextAfter(from.atZone(zone)).map(run -> run.toInstant())
                .filter(run -> endTime == null || !run.isAfter(endTime));
    }
}
