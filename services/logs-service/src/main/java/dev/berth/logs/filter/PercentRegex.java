package dev.berth.logs.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The body of a %regex%, compiled for RE2/J: matching takes time linear in the message, whatever the
 * expression, so a pattern cannot hold a thread with backtracking. CloudWatch's restriction that
 * parentheses are not supported also rules out groups, lookaround and backreferences; RE2 itself refuses
 * {@code \1}. Bounded in length and compiled size, and searches at most the first
 * {@link #MAX_SEARCHED_CHARS} characters of a message (the longest message an event may have).
 */
final class PercentRegex {

    static final int MAX_LENGTH = 256;
    /** RE2 instructions; {@code \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}} needs about 60. */
    static final int MAX_PROGRAM_SIZE = 500;
    static final int MAX_SEARCHED_CHARS = 262_144;

    private final Pattern pattern;

    private PercentRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * @param body      the text between the percent signs
     * @param openingAt position of the opening '%' in the pattern text
     */
    static PercentRegex compile(String body, int openingAt) {
        if (body.isEmpty()) {
            throw PatternCursor.error("empty regular expression", openingAt);
        }
        if (body.length() > MAX_LENGTH) {
            throw PatternCursor.error("a regular expression is at most " + MAX_LENGTH + " characters", openingAt);
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == ')') {
                throw PatternCursor.error("'" + c + "' is not supported in a regular expression", openingAt + 1 + i);
            }
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(body);
        } catch (PatternSyntaxException e) {
            int offset = Math.max(0, body.indexOf(e.getPattern()));
            throw PatternCursor.error("invalid regular expression (" + e.getDescription() + ")",
                    openingAt + 1 + offset);
        }
        if (pattern.programSize() > MAX_PROGRAM_SIZE) {
            throw PatternCursor.error("regular expression too complex (its repetitions expand to more than "
                    + MAX_PROGRAM_SIZE + " steps)", openingAt);
        }
        return new PercentRegex(pattern);
    }

    /** Whether the expression matches anywhere in the text. */
    boolean foundIn(String text) {
        CharSequence searched = text.length() > MAX_SEARCHED_CHARS ? text.subSequence(0, MAX_SEARCHED_CHARS) : text;
        return pattern.matcher(searched).find();
    }

    @Override
    public String toString() {
        return "%" + pattern.pattern() + "%";
    }
}
