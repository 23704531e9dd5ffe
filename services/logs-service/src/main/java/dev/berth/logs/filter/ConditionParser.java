package dev.berth.logs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses comparisons joined by {@code &&} and {@code ||}, grouped with parentheses; the order of operations
 * is () > && > ||. What a single comparison looks like is up to the caller.
 */
final class ConditionParser<E> {

    /** Reads one comparison at the cursor. */
    interface OperandParser<E> {
        Condition<E> parse(PatternCursor cursor);
    }

    private final PatternCursor cursor;
    private final OperandParser<E> operands;

    ConditionParser(PatternCursor cursor, OperandParser<E> operands) {
        this.cursor = cursor;
        this.operands = operands;
    }

    Condition<E> parse() {
        return anyOf();
    }

    private Condition<E> anyOf() {
        List<Condition<E>> parts = new ArrayList<>();
        parts.add(allOf());
        while (nextIs("||")) {
            parts.add(allOf());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.AnyOf<>(List.copyOf(parts));
    }

    private Condition<E> allOf() {
        List<Condition<E>> parts = new ArrayList<>();
        parts.add(primary());
        while (nextIs("&&")) {
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.AllOf<>(List.copyOf(parts));
    }

    private Condition<E> primary() {
        cursor.skipWhitespace();
        int open = cursor.position();
        if (!cursor.consume('(')) {
            return operands.parse(cursor);
        }
        Condition<E> inner = anyOf();
        cursor.skipWhitespace();
        if (!cursor.consume(')')) {
            throw PatternCursor.error("unbalanced '('", open);
        }
        return inner;
    }

    private boolean nextIs(String operator) {
        cursor.skipWhitespace();
        return cursor.consume(operator);
    }
}
