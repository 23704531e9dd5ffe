package dev.berth.logs.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code [ip, user, username, timestamp, request = *html*, status_code = 404 || status_code = 410, bytes]}.
 * Fields are separated by commas and may be left unnamed; '...' may appear once. A field with conditions is
 * named by the first field its conditions mention, and every field a condition mentions must be declared.
 */
final class SpaceDelimitedPatternParser {

    /** A field named in a condition, kept to check it is declared once all fields are known. */
    private record Reference(String name, int at) {
    }

    private final PatternCursor cursor;
    private final ExpectedValueParser values;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> declaredAt = new HashMap<>();
    private final List<Condition<DelimitedEvent>> conditions = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private int ellipsis = -1;

    private SpaceDelimitedPatternParser(PatternCursor cursor, RegexReader regexes) {
        this.cursor = cursor;
        this.values = new ExpectedValueParser(regexes);
    }

    /** @param open position of the opening '[' */
    static SpaceDelimitedPattern parse(String text, int open, RegexReader regexes) {
        return new SpaceDelimitedPatternParser(new PatternCursor(text, open + 1), regexes).parse(open);
    }

    private SpaceDelimitedPattern parse(int open) {
        cursor.skipWhitespace();
        if (cursor.peekIs(']')) {
            throw PatternCursor.error("empty space-delimited pattern", open);
        }
        while (true) {
            field();
            cursor.skipWhitespace();
            if (cursor.consume(']')) {
                break;
            }
            if (cursor.atEnd()) {
                throw PatternCursor.error("unbalanced '['", open);
            }
            if (!cursor.consume(',')) {
                throw cursor.error("unexpected " + cursor.describeNext());
            }
        }
        cursor.skipWhitespace();
        if (!cursor.atEnd()) {
            throw cursor.error("unexpected text after the closing ']'");
        }
        for (Reference reference : references) {
            if (!declaredAt.containsKey(reference.name())) {
                throw PatternCursor.error("unknown field '" + reference.name() + "'", reference.at());
            }
        }
        return new SpaceDelimitedPattern(new FieldLayout(names, ellipsis), conditions);
    }

    private void field() {
        cursor.skipWhitespace();
        int start = cursor.position();
        if (cursor.consume("...")) {
            if (ellipsis >= 0) {
                throw PatternCursor.error("only one '...' is allowed", start);
            }
            ellipsis = names.size();
            names.add(null);
        } else if (atFieldEnd()) {
            names.add(null);
        } else {
            declare(namedField(start), start);
        }
    }

    private String namedField(int start) {
        String name = readName();
        cursor.skipWhitespace();
        if (!name.isEmpty() && atFieldEnd()) {
            return name;
        }
        cursor.moveTo(start);
        int firstReference = references.size();
        conditions.add(new ConditionParser<DelimitedEvent>(cursor, c -> comparison()).parse());
        return references.get(firstReference).name();
    }

    private Condition<DelimitedEvent> comparison() {
        cursor.skipWhitespace();
        int at = cursor.position();
        String name = readName();
        if (name.isEmpty()) {
            throw cursor.error("expected a field name");
        }
        references.add(new Reference(name, at));
        cursor.skipWhitespace();
        ComparisonOperator operator = ComparisonOperator.read(cursor);
        if (operator == null) {
            throw cursor.error("expected a comparison operator after '" + name + "'");
        }
        return new FieldComparison(name, operator, values.read(cursor, operator));
    }

    private void declare(String name, int at) {
        if (declaredAt.putIfAbsent(name, at) != null) {
            throw PatternCursor.error("field '" + name + "' is declared twice", at);
        }
        names.add(name);
    }

    private boolean atFieldEnd() {
        return cursor.atEnd() || cursor.peekIs(',') || cursor.peekIs(']');
    }

    private String readName() {
        return cursor.readWhile(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }
}
