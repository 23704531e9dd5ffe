package dev.berth.scheduler.placement.query;

import java.util.List;
import java.util.Optional;

/** The comparison operators of ECS's cluster query language, with their word aliases. */
public enum Operator {
    EQUALS("==", "equals"),
    NOT_EQUALS("!=", "not_equals"),
    GREATER_THAN(">", "greater_than"),
    GREATER_THAN_EQUAL(">=", "greater_than_equal"),
    LESS_THAN("<", "less_than"),
    LESS_THAN_EQUAL("<=", "less_than_equal"),
    EXISTS("exists"),
    NOT_EXISTS("!exists", "not_exists"),
    IN("in"),
    NOT_IN("!in", "not_in"),
    MATCHES("=~", "matches"),
    NOT_MATCHES("!~", "not_matches");

    private final List<String> spellings;

    Operator(String... spellings) {
        this.spellings = List.of(spellings);
    }

    static Optional<Operator> of(String text) {
        for (Operator operator : values()) {
            if (operator.spellings.contains(text)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    /** True for the operators that hold when no value of the subject matches. */
    boolean negated() {
        return this == NOT_EQUALS || this == NOT_IN || this == NOT_MATCHES || this == NOT_EXISTS;
    }

    @Override
    public String toString() {
        return spellings.get(0);
    }
}
