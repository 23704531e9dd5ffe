package dev.berth.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Parses {@code { $.level = "ERROR" && ($.latency > 100 || $.retry IS TRUE) }}. */
final class JsonPatternParser {

    private final PatternCursor cursor;
    private final ExpectedValueParser values;

    private JsonPatternParser(PatternCursor cursor, RegexReader regexes) {
        this.cursor = cursor;
        this.values = new ExpectedValueParser(regexes);
    }

    /** @param open position of the opening '{' */
    static JsonPattern parse(String text, int open, RegexReader regexes) {
        PatternCursor cursor = new PatternCursor(text, open + 1);
        cursor.skipWhitespace();
        if (cursor.peekIs('}')) {
            throw PatternCursor.error("empty JSON pattern", open);
        }
        JsonPatternParser parser = new JsonPatternParser(cursor, regexes);
        Condition<JsonNode> condition = new ConditionParser<>(cursor, c -> parser.comparison()).parse();
        cursor.skipWhitespace();
        if (cursor.atEnd()) {
            throw PatternCursor.error("unbalanced '{'", open);
        }
        if (!cursor.consume('}')) {
            throw cursor.error("unexpected " + cursor.describeNext());
        }
        cursor.skipWhitespace();
        if (!cursor.atEnd()) {
            throw cursor.error("unexpected text after the closing '}'");
        }
        return new JsonPattern(condition);
    }

    private Condition<JsonNode> comparison() {
        cursor.skipWhitespace();
        JsonSelector selector = JsonSelector.read(cursor);
        cursor.skipWhitespace();
        int keywordAt = cursor.position();
        String keyword = cursor.readWord().toUpperCase(Locale.ROOT);
        switch (keyword) {
            case "IS":
                return new JsonKeywordCheck(selector, afterIs());
            case "NOT":
                expectWord("EXISTS", "expected EXISTS after NOT");
                return new JsonKeywordCheck(selector, JsonKeywordCheck.Check.NOT_EXISTS);
            case "":
                break;
            default:
                throw PatternCursor.error("expected a comparison operator after " + selector, keywordAt);
        }
        ComparisonOperator operator = ComparisonOperator.read(cursor);
        if (operator == null) {
            throw cursor.error("expected a comparison operator after " + selector);
        }
        return new JsonComparison(selector, operator, values.read(cursor, operator));
    }

    private JsonKeywordCheck.Check afterIs() {
        cursor.skipWhitespace();
        int at = cursor.position();
        return switch (cursor.readWord().toUpperCase(Locale.ROOT)) {
            case "NULL" -> JsonKeywordCheck.Check.IS_NULL;
            case "TRUE" -> JsonKeywordCheck.Check.IS_TRUE;
            case "FALSE" -> JsonKeywordCheck.Check.IS_FALSE;
            default -> throw PatternCursor.error("expected NULL, TRUE or FALSE after IS", at);
        };
    }

    private void expectWord(String word, String problem) {
        cursor.skipWhitespace();
        int at = cursor.position();
        if (!cursor.readWord().equalsIgnoreCase(word)) {
            throw PatternCursor.error(problem, at);
        }
    }
}
