package dev.berth.logs.filter;

import java.util.Optional;

/**
 * A message split into fields and laid out by a space-delimited pattern: what its conditions test, and,
 * when they pass, the match whose selectors are {@code $name} or the 1-based position {@code $7}.
 */
final class DelimitedEvent implements Match {

    private final String[] fields;
    private final FieldLayout layout;

    DelimitedEvent(String[] fields, FieldLayout layout) {
        this.fields = fields;
        this.layout = layout;
    }

    /** The value of a field the pattern declares (the parser rejects conditions on undeclared fields). */
    String field(String name) {
        return fields[layout.fieldIndex(layout.slotOf(name), fields.length)];
    }

    @Override
    public Optional<String> value(String selector) {
        if (selector == null || selector.length() < 2 || selector.charAt(0) != '$') {
            return Optional.empty();
        }
        String name = selector.substring(1);
        int slot = layout.slotOf(name);
        if (slot >= 0) {
            return Optional.of(fields[layout.fieldIndex(slot, fields.length)]);
        }
        int position = positionOf(name);
        return position >= 1 && position <= fields.length ? Optional.of(fields[position - 1]) : Optional.empty();
    }

    private static int positionOf(String name) {
        if (name.length() > 9) {
            return -1;
        }
        int position = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            position = position * 10 + (c - '0');
        }
        return position;
    }
}
