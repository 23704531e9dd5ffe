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
    private final int regularExpressions;

    private FilterPattern(String text, EventMatcher matcher, int regularExpressions) {
        this.text = text;
        this.matcher = matcher;
        this.requiredLiterals = List.copyOf(matcher.requiredLiterals());
        this.regularExpressions = regularExpressions;
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
            return new FilterPattern(source, MatchEverything.INSTANCE, 0);
        }
        RegexReader regexes = new RegexReader();
        EventMatcher matcher = switch (source.charAt(first)) {
            case '{' -> JsonPatternParser.parse(source, first, regexes);
            case '[' -> SpaceDelimitedPatternParser.parse(source, first, regexes);
            default -> TermPatternParser.parse(source, first, regexes);
        };
        return new FilterPattern(source, matcher, regexes.count());
    }

    /**
     * A pattern stored before today's rules (a longer regex, Java-only regex syntax) that no longer
     * parses: it keeps its text and matches no event until it is put again.
     */
    public static FilterPattern storedButInvalid(String text) {
        return new FilterPattern(text == null ? "" : text, MatchNothing.INSTANCE, 0);
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

    /** How many %regex% the pattern holds (CloudWatch limits the metric filters of a group that use them). */
    public int regularExpressions() {
        return regularExpressions;
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
