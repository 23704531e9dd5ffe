package dev.berth.common.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An AWS schedule expression: {@code rate(5 minutes)}, {@code cron(0 12 * * ? *)} (minutes,
 * hours, day of month, month, day of week, year; one of the two days must be {@code ?}) and,
 * where the {@link ScheduleSyntax} takes it, {@code at(2026-12-24T18:00:00)}. Cron expressions
 * are read as Quartz cron with a zero seconds field, which has the same fields, wildcards
 * ({@code L}, {@code W}, {@code #}) and day numbers (1 = Sunday). Times are wall-clock times of
 * the zone asked in (a daily cron at 09:00 stays 09:00 across a daylight-saving change); a rate
 * counts elapsed time (rate(1 day) moves an hour on the wall clock when the clocks change).
 */
public sealed interface ScheduleExpression {

    /** The first run strictly after {@code after}, in {@code after}'s time zone. */
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

    /**
     * Once, at a wall-clock time. A time that the zone skips (the hour a clock springs forward)
     * runs as late as the gap: 02:30 on that day is 03:30.
     */
    record At(LocalDateTime at) implements ScheduleExpression {
        @Override
        public Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
            ZonedDateTime run = at.atZone(after.getZone());
            return run.isAfter(after) ? Optional.of(run) : Optional.empty();
        }
    }

    /** Every {@code every}, counted from {@code anchor} (when the rule or action started): the first run is one period after it. */
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

    /** The longest expression read; AWS's own limit for a schedule is 1600 characters. */
    int MAX_LENGTH = 1600;
    Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    /**
     * @param anchor where a rate counts from
     * @throws InvalidScheduleException with what is wrong, naming the syntax's field
     */
    static ScheduleExpression parse(String expression, Instant anchor, ScheduleSyntax syntax) {
        String text = expression == null ? "" : expression.trim();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidScheduleException(syntax, text.substring(0, 40) + "...",
                    "is longer than " + MAX_LENGTH + " characters");
        }
        Matcher at = AT.matcher(text);
        if (syntax.takesAt() && at.matches()) {
            return at(text, at.group(1), syntax);
        }
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            return rate(text, rate, anchor, syntax);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return cron(text, cron.group(1).trim(), syntax);
        }
        throw new InvalidScheduleException(syntax, text, syntax.takesAt()
                ? "is neither at(yyyy-mm-ddThh:mm:ss), rate(<value> <unit>) nor cron(<six fields>)"
                : "is neither rate(<value> <unit>) nor cron(<six fields>)");
    }

    private static ScheduleExpression at(String text, String when, ScheduleSyntax syntax) {
        try {
            return new At(LocalDateTime.parse(when));
        } catch (DateTimeParseException e) {
            throw new InvalidScheduleException(syntax, text, "is not a date and time that exists");
        }
    }

    private static ScheduleExpression rate(String text, Matcher rate, Instant anchor, ScheduleSyntax syntax) {
        long value;
        try {
            value = Long.parseLong(rate.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException(syntax, text, "has a value too large");
        }
        String unit = rate.group(2);
        if (value < 1) {
            throw new InvalidScheduleException(syntax, text, "needs a value of at least 1");
        }
        if ((value == 1) != !unit.endsWith("s")) {
            throw new InvalidScheduleException(syntax, text, value == 1 ? "takes the singular unit for 1 (\"1 "
                    + unit.replaceFirst("s$", "") + "\")" : "takes the plural unit for " + value + " (\"" + unit + "s\")");
        }
        Duration every;
        try {
            every = switch (unit.replaceFirst("s$", "")) {
                case "minute" -> Duration.ofMinutes(value);
                case "hour" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            every.toMillis();
        } catch (ArithmeticException e) {
            throw new InvalidScheduleException(syntax, text, "has a value too large");
        }
        return new Rate(every, anchor);
    }

    private static ScheduleExpression cron(String text, String fields, ScheduleSyntax syntax) {
        String[] parts = fields.split("\\s+");
        if (parts.length != 6) {
            throw new InvalidScheduleException(syntax, text, "needs six fields (minutes hours day-of-month month "
                    + "day-of-week year), got " + (fields.isEmpty() ? 0 : parts.length));
        }
        if (!parts[2].equals("?") && !parts[4].equals("?")) {
            throw new InvalidScheduleException(syntax, text, "must have ? in day-of-month or day-of-week");
        }
        try {
            Cron cron = QUARTZ.parse("0 " + fields);
            cron.validate();
            return new CronSchedule(text, ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(syntax, text, "is not a valid cron expression: " + e.getMessage());
        }
    }

    /** A time zone by its IANA name (Europe/Berlin); UTC when absent. */
    static ZoneId zone(String name, ScheduleSyntax syntax) {
        if (name == null || name.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            throw new InvalidInputException(syntax.timezoneField(), "'" + name + "' is not a time zone");
        }
    }
}
