package dev.berth.scheduler.placement.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One comparison, {@code <subject> <operator> [<value> | <list>]}. A subject with several values
 * (task:group) satisfies a positive operator when any value does, a negated one when none does
 * the positive; a subject without a value satisfies only the negated operators.
 */
record Comparison(String subject, Operator operator, List<String> expected, AttributePattern pattern) implements QueryExpression {

    @Override
    public boolean test(QuerySubject host) {
        List<String> actual = host.values(subject);
        return switch (operator) {
            case EXISTS -> !actual.isEmpty();
            case NOT_EXISTS -> actual.isEmpty();
            case EQUALS, IN -> actual.stream().anyMatch(expected::contains);
            case NOT_EQUALS, NOT_IN -> actual.stream().noneMatch(expected::contains);
            case MATCHES -> actual.stream().anyMatch(v -> pattern.matches(v));
            case NOT_MATCHES -> actual.stream().noneMatch(v -> pattern.matches(v));
            case GREATER_THAN -> actual.stream().anyMatch(v -> compare(v) > 0);
            case GREATER_THAN_EQUAL -> actual.stream().anyMatch(v -> compare(v) >= 0);
            case LESS_THAN -> actual.stream().anyMatch(v -> compare(v) < 0);
            case LESS_THAN_EQUAL -> actual.stream().anyMatch(v -> compare(v) <= 0);
        };
    }

    /** Orders versions part by part, times as times, numbers as numbers, anything else as text. */
    private int compare(String actual) {
        String value = expected.get(0);
        if (subject.equals("agentVersion")) {
            return compareVersions(actual, value);
        }
        Optional<Instant> actualTime = time(actual);
        Optional<Instant> expectedTime = time(value);
        if (actualTime.isPresent() && expectedTime.isPresent()) {
            return actualTime.get().compareTo(expectedTime.get());
        }
        Optional<BigDecimal> actualNumber = number(actual);
        Optional<BigDecimal> expectedNumber = number(value);
        if (actualNumber.isPresent() && expectedNumber.isPresent()) {
            return actualNumber.get().compareTo(expectedNumber.get());
        }
        return actual.compareTo(value);
    }

    static int compareVersions(String left, String right) {
        String[] a = left.replaceFirst("^v", "").split("[.-]");
        String[] b = right.replaceFirst("^v", "").split("[.-]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "0";
            String y = i < b.length ? b[i] : "0";
            Optional<BigDecimal> nx = number(x);
            Optional<BigDecimal> ny = number(y);
            int c = nx.isPresent() && ny.isPresent() ? nx.get().compareTo(ny.get()) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
