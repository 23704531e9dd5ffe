package dev.berth.logs.filter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A boolean condition over a parsed event: the JSON document of a JSON pattern, or the fields of a
 * space-delimited pattern.
 */
interface Condition<E> {

    boolean test(E event);

    /** Substrings the raw message contains whenever this condition holds. */
    default Set<String> requiredLiterals() {
        return Set.of();
    }

    /** Conditions joined by {@code &&}. */
    record AllOf<E>(List<Condition<E>> parts) implements Condition<E> {
        @Override
        public boolean test(E event) {
            for (Condition<E> part : parts) {
                if (!part.test(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<String> requiredLiterals() {
            Set<String> all = new LinkedHashSet<>();
            parts.forEach(part -> all.addAll(part.requiredLiterals()));
            return all;
        }
    }

    /** Conditions joined by {@code ||}. */
    record AnyOf<E>(List<Condition<E>> parts) implements Condition<E> {
        @Override
        public boolean test(E event) {
            for (Condition<E> part : parts) {
                if (part.test(event)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> requiredLiterals() {
            Set<String> common = new LinkedHashSet<>(parts.get(0).requiredLiterals());
            parts.forEach(part -> common.retainAll(part.requiredLiterals()));
            return common;
        }
    }
}
