package dev.berth.logs.filter;

import java.util.function.IntPredicate;

/** Reads a filter pattern left to right; problems are reported with their position in the original text. */
final class PatternCursor {

    private final String text;
    private int position;

    PatternCursor(String text, int position) {
        this.text = text;
        this.position = position;
    }

    int position() {
        return position;
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    char peek() {
        return text.charAt(position);
    }

    boolean peekIs(char c) {
        return !atEnd() && text.charAt(position) == c;
    }

    boolean atWhitespace() {
        return !atEnd() && Character.isWhitespace(text.charAt(position));
    }

    boolean lookingAt(String token) {
        return text.startsWith(token, position);
    }

    void advance() {
        position++;
    }

    boolean consume(char c) {
        if (peekIs(c)) {
            position++;
            return true;
        }
        return false;
    }

    boolean consume(String token) {
        if (lookingAt(token)) {
            position += token.length();
            return true;
        }
        return false;
    }

    void skipWhitespace() {
        while (atWhitespace()) {
            position++;
        }
    }

    String readWhile(IntPredicate accepted) {
        int start = position;
        while (!atEnd() && accepted.test(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    String readWord() {
        return readWhile(Character::isLetter);
    }

    /** The text from {@code start} up to the current position. */
    String since(int start) {
        return text.substring(start, position);
    }

    /** Reads a "quoted string" starting at the opening quote; \" and \\ stand for " and \. */
    String readQuoted() {
        int open = position++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && (peekIs('"') || peekIs('\\'))) {
                c = text.charAt(position++);
            }
            value.append(c);
        }
        throw error("unterminated '\"'", open);
    }

    /** Reads a %regex% starting at the opening percent sign and returns what is between the signs. */
    String readPercentDelimited() {
        int open = position;
        int close = text.indexOf('%', open + 1);
        if (close < 0) {
            throw error("unterminated '%'", open);
        }
        position = close + 1;
        return text.substring(open + 1, close);
    }

    /** "'x'" for the next character, or "end of pattern". */
    String describeNext() {
        return atEnd() ? "end of pattern" : "'" + peek() + "'";
    }

    InvalidFilterPatternException error(String problem) {
        return new InvalidFilterPatternException(problem, position);
    }

    static InvalidFilterPatternException error(String problem, int at) {
        return new InvalidFilterPatternException(problem, at);
    }
}
