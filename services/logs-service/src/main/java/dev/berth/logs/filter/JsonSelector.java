package dev.berth.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A property selector such as {@code $.eventType}, {@code $.users[0].email} or {@code $.coordinates[0][1]}.
 * Property names are letters, digits, '-' and '_'; array indexes must follow a property.
 */
final class JsonSelector {

    private static final int MAX_INDEX_DIGITS = 9;

    private final String text;
    /** Property names (String) and array indexes (Integer), from the root down. */
    private final Object[] steps;

    private JsonSelector(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps.toArray();
    }

    static JsonSelector read(PatternCursor cursor) {
        int start = cursor.position();
        if (!cursor.consume('$')) {
            throw cursor.error("expected a selector such as $.field");
        }
        List<Object> steps = new ArrayList<>();
        while (true) {
            if (cursor.consume('.')) {
                String name = cursor.readWhile(JsonSelector::isNameCharacter);
                if (name.isEmpty()) {
                    throw cursor.error("expected a property name after '.'");
                }
                steps.add(name);
            } else if (cursor.peekIs('[')) {
                steps.add(readIndex(cursor, steps.isEmpty()));
            } else {
                break;
            }
        }
        if (steps.isEmpty()) {
            throw PatternCursor.error("expected a selector such as $.field", start);
        }
        return new JsonSelector(cursor.since(start), steps);
    }

    /** The selector in {@code text}, empty when it is not one. */
    static Optional<JsonSelector> parse(String text) {
        try {
            PatternCursor cursor = new PatternCursor(text, 0);
            JsonSelector selector = read(cursor);
            return cursor.atEnd() ? Optional.of(selector) : Optional.empty();
        } catch (InvalidFilterPatternException e) {
            return Optional.empty();
        }
    }

    /** The node this selector points to; null when there is none. */
    JsonNode resolve(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (step instanceof String name) {
                node = node.isObject() ? node.get(name) : null;
            } else {
                node = node.isArray() ? node.get((Integer) step) : null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Integer readIndex(PatternCursor cursor, boolean atRoot) {
        int open = cursor.position();
        if (atRoot) {
            throw cursor.error("an array index must follow a property");
        }
        cursor.advance();
        String digits = cursor.readWhile(c -> c >= '0' && c <= '9');
        if (digits.isEmpty()) {
            throw cursor.error("expected an array index");
        }
        if (digits.length() > MAX_INDEX_DIGITS) {
            throw PatternCursor.error("array index too large", open + 1);
        }
        if (!cursor.consume(']')) {
            throw PatternCursor.error("unbalanced '['", open);
        }
        return Integer.valueOf(digits);
    }

    private static boolean isNameCharacter(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
