package dev.berth.scheduler.placement.query;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The pattern of a {@code =~} / {@code !~} comparison. Tenants write these, and placement runs them
 * for every host while it holds the cluster's state, so they run on RE2/J: time linear in pattern
 * and value length, no backtracking. Both lengths are bounded, so one comparison costs at most
 * {@link #MAX_LENGTH} × {@link #MAX_VALUE_LENGTH} steps of the engine.
 */
final class AttributePattern {

    /** The longest pattern accepted. */
    static final int MAX_LENGTH = 256;

    /** Values longer than this (attributes are at most 128 characters, groups 255) match no pattern. */
    static final int MAX_VALUE_LENGTH = 8192;

    private final Pattern pattern;

    private AttributePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException saying why the pattern is refused */
    static AttributePattern compile(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("pattern of " + text.length() + " characters, at most " + MAX_LENGTH);
        }
        try {
            return new AttributePattern(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid pattern '" + text + "': " + e.getDescription()
                    + " (RE2 syntax: no backreferences or lookaround)");
        }
    }

    /** Whether the whole value matches. */
    boolean matches(String value) {
        return value.length() <= MAX_VALUE_LENGTH && pattern.matches(value);
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
