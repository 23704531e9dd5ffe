package dev.berth.scheduler.placement.query;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The pattern of a {@code =~} / {@code !~} comparison. Tenants write these, and placement runs them
 * for every host while it holds the cluster's state on an event loop, so they run on RE2/J: time
 * linear in the input, no backtracking. The pattern's length, its size once counted repetitions
 * are spelled out ({@link PatternSize}) and the value's length are bounded, so one comparison
 * costs at most {@link #MAX_SIZE} × {@link #MAX_VALUE_LENGTH} steps of the engine (some
 * milliseconds; a few microseconds for usual patterns and values).
 */
final class AttributePattern {

    /** The longest pattern accepted. */
    static final int MAX_LENGTH = 256;

    /** The most copies of literals and classes a pattern may spell out, counted repetitions included. */
    static final int MAX_SIZE = 256;

    /** Values longer than this (attributes are at most 128 characters, groups 255) match no pattern. */
    static final int MAX_VALUE_LENGTH = 1024;

    private final Pattern pattern;

    private AttributePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException saying why the pattern is refused */
    static AttributePattern compile(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("pattern of " + text.length() + " characters, at most " + MAX_LENGTH);
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid pattern '" + text + "': " + e.getDescription()
                    + " (RE2 syntax: no backreferences or lookaround)");
        }
        long size = PatternSize.of(text);
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("pattern '" + text + "' spells out " + (size >= 1_000_000 ? "over a million"
                    : String.valueOf(size)) + " characters and classes with its counted repetitions, at most " + MAX_SIZE);
        }
        return new AttributePattern(compiled);
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
