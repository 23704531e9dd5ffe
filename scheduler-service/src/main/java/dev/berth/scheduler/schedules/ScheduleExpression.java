package dev.berth.scheduler.schedules;

import dev.berth.common.error.InvalidInputException;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)} or {@code cron(0 12 * * ? *)}
 * (minutes, hours, day of month, month, day of week, year; one of the two days must be
 * {@code ?}). Cron expressions are read as Quartz cron with a zero seconds field, which has the
 * same fields, wildcards ({@code L}, {@code W}, {@code #}) and day numbers (1 = Sunday).
 */
public sealed interface ScheduleExpression {

    /** The first run strictly after {@code after}, in the schedule's time zone. */
    Optional<ZonedDateTime> nextAfter(ZonedDateTime after);

    default List<ZonedDateTime> next(ZonedDateTime after, int count) {
        List<ZonedDateTime> runs = new ArrayList<>();
        ZonedDateTime from = after;
        for (int i = 0; i < count; i++) {
            Optional<ZonedDateTime> run = nextAfter(from);
            if (run.isEmpty()) {
                break;
            }
            runs.add(run.get());
            from = run.get();
        }
        return runs;
    }

    /** Every {@code every}, counted from {@code anchor} (when the rule was created or enabled). */
    record Rate(Duration every, Instant anchor) implements ScheduleExpression {
        @Override
        public Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
            long periods = Math.max(0, Duration.between(anchor, after.toInstant()).toMillis() / every.toMillis() + 1);
            return Optional.of(anchor.plus(every.multipliedBy(periods)).atZone(after.getZone()));
        }
    }

    record CronSchedule(String text, ExecutionTime executionTime) implements ScheduleExpression {
        @Override
        public Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
            return executionTime.nextExecution(after);
        }
    }

    Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    /**
     * @param anchor where a rate counts from
     * @throws InvalidScheduleException with what is wrong
     */
    static ScheduleExpression parse(String expression, Instant anchor) {
        String text = expression == null ? "" : expression.trim();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            return rate(text, rate, anchor);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return cron(text, cron.group(1).trim());
        }
        throw new InvalidScheduleException(text, "is neither rate(<value> <unit>) nor cron(<six fields>)");
    }

    private static ScheduleExpression rate(String text, Matcher rate, Instant anchor) {
        long value;
        try {
            value = Long.parseLong(rate.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException(text, "has a value too large");
        }
        String unit = rate.group(2);
        if (value < 1) {
            throw new InvalidScheduleException(text, "needs a value of at least 1");
        }
        if ((value == 1) != !unit.endsWith("s")) {
            throw new InvalidScheduleException(text, value == 1 ? "takes the singular unit for 1 (\"1 "
                    + unit.replaceFirst("s$", "") + "\")" : "takes the plural unit for " + value + " (\"" + unit + "s\")");
        }
        Duration every = switch (unit.replaceFirst("s$", "")) {
            case "minute" -> Duration.ofMinutes(value);
            case "hour" -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        };
        return new Rate(every, anchor);
    }

    private static ScheduleExpression cron(String text, String fields) {
        String[] parts = fields.split("\\s+");
        if (parts.length != 6) {
            throw new InvalidScheduleException(text, "needs six fields (minutes hours day-of-month month day-of-week year), got "
                    + (fields.isEmpty() ? 0 : parts.length));
        }
        if (!parts[2].equals("?") && !parts[4].equals("?")) {
            throw new InvalidScheduleException(text, "must have ? in day-of-month or day-of-week");
        }
        try {
            Cron cron = QUARTZ.parse("0 " + fields);
            cron.validate();
            return new CronSchedule(text, ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(text, "is not a valid cron expression: " + e.getMessage());
        }
    }

    /** A time zone as scheduled tasks take it (IANA names such as Europe/Berlin; UTC when absent). */
    static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            throw new InvalidInputException("scheduleExpressionTimezone", "'" + name + "' is not a time zone");
        }
    }
}
