package dev.berth.logs.filter;

import java.math.BigDecimal;

/**
 * Reads comparison values: "quoted", %regex%, or bare up to whitespace, a separator or {@code &&}/{@code ||}.
 * One instance per pattern, with the pattern's {@link RegexReader}.
 */
final class ExpectedValueParser {

    private final RegexReader regexes;

    ExpectedValueParser(RegexReader regexes) {
        this.regexes = regexes;
    }

    ExpectedValue read(PatternCursor cursor, ComparisonOperator operator) {
        cursor.skipWhitespace();
        int start = cursor.position();
        ExpectedValue value;
        if (cursor.peekIs('"')) {
            value = ExpectedValue.Text.of(cursor.readQuoted());
        } else if (cursor.peekIs('%')) {
            value = new ExpectedValue.Regex(regexes.read(cursor));
        } else {
            String bare = readBare(cursor);
            if (bare.isEmpty()) {
                throw cursor.error("expected a value after '" + operator.symbol() + "'");
            }
            value = NumberSyntax.isNumber(bare) ? number(bare, start) : ExpectedValue.Text.of(bare);
        }
        if (!operator.isEquality() && !(value instanceof ExpectedValue.Number)) {
            throw PatternCursor.error("'" + operator.symbol() + "' needs a number", start);
        }
        return value;
    }

    private static ExpectedValue number(String text, int at) {
        try {
            return new ExpectedValue.Number(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw PatternCursor.error("number out of range", at);
        }
    }

    private static String readBare(PatternCursor cursor) {
        int start = cursor.position();
        while (!cursor.atEnd() && !cursor.atWhitespace() && ",]})(".indexOf(cursor.peek()) < 0
                && !cursor.lookingAt("&&") && !cursor.lookingAt("||")) {
            cursor.advance();
        }
        return cursor.since(start);
    }
}
