package dev.berth.logs.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles the body of a %regex%, with CloudWatch's restriction that parentheses are not supported. */
final class PercentRegex {

    private PercentRegex() {
    }

    /**
     * @param body      the text between the percent signs
     * @param openingAt position of the opening '%' in the pattern text
     */
    static Pattern compile(String body, int openingAt) {
        if (body.isEmpty()) {
            throw PatternCursor.error("empty regular expression", openingAt);
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == ')') {
                throw PatternCursor.error("'" + c + "' is not supported in a regular expression", openingAt + 1 + i);
            }
        }
        try {
            return Pattern.compile(body);
        } catch (PatternSyntaxException e) {
            int offset = Math.max(0, Math.min(e.getIndex(), body.length() - 1));
            throw PatternCursor.error("invalid regular expression (" + e.getDescription() + ")",
                    openingAt + 1 + offset);
        }
    }
}
