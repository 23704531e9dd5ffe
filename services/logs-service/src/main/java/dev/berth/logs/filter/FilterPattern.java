package dev.berth.logs.filter;

import java.util.List;
import java.util.Optional;

/**
 * A CloudWatch Logs filter pattern, parsed once and matched against many log event messages.
 *
 * <p>Three shapes, told apart by the first character: {@code { ... }} is a JSON pattern,
 * {@code [ ... ]} a space-delimited pattern, anything else a pattern of terms (words, "quoted phrases",
 * {@code %regex%}). Instances are immutable and safe to share between threads.
 */
public final class FilterPattern {

    /** CloudWatch's limit on a filter pattern. */
    public static final int MAX_LENGTH = 1024;

    private final String text;
    private final EventMatcher matcher;
    private final List<String> requiredLiterals;

    private FilterPattern(String text, EventMatcher matcher) {
        this.text = text;
        this.matcher = matcher;
        this.requiredLiterals = List.copyOf(matcher.requiredLiterals());
    }

    /**
     * Parses CloudWatch filter pattern syntax; null/blank = matches every event.
     *
     * @throws InvalidFilterPatternException saying what is wrong and at which character position
     */
    public static FilterPattern parse(String text) {
        String source = text == null ? "" : text;
        if (source.length() > MAX_LENGTH) {
            throw new InvalidFilterPatternException("a filter pattern is at most " + MAX_LENGTH
                    + " characters, this one has " + source.length(), MAX_LENGTH);
        }
        int first = firstNonWhitespace(source);
        if (first < 0) {
            return new FilterPattern(source, MatchEverything.INSTANCE);
        }
        EventMatcher matcher = switch (source.charAt(first)) {
            case '{' -> JsonPatternParser.parse(source, first);
            case '[' -> SpaceDelimitedPatternParser.parse(source, first);
            default -> TermPatternParser.parse(source, first);
        };
        return new FilterPattern(source, matcher);
    }

    /**
     * A pattern stored before today's rules (a longer regex, Java-only regex syntax) that no longer
     * parses: it keeps its text and matches no event until it is put again.
     */
    public static FilterPattern storedButInvalid(String text) {
        return new FilterPattern(text == null ? "" : text, MatchNothing.INSTANCE);
    }

    public boolean matches(String message) {
        return matcher.matches(message == null ? "" : message);
    }

    /** The match with access to the fields the pattern can select, empty when the message does not match. */
    public Optional<Match> match(String message) {
        return matcher.match(message == null ? "" : message);
    }

    /**
     * Case-sensitive substrings every matching message must contain (may be empty). Used to push a cheap
     * {@code message LIKE '%literal%'} pre-filter into SQL, so it never excludes a message that matches.
     */
    public List<String> requiredLiterals() {
        return requiredLiterals;
    }

    /** The original pattern text ("" for a null pattern). */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static int firstNonWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
