package dev.berth.scheduler.placement.query;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into words, quoted strings, operators and punctuation. */
final class QueryLexer {

    enum Kind { WORD, QUOTED, OPERATOR, OPEN, CLOSE, COMMA, END }

    record Token(Kind kind, String text, int position) {
        boolean is(Kind expected, String value) {
            return kind == expected && text.equals(value);
        }

        boolean isWord(String value) {
            return kind == Kind.WORD && text.equalsIgnoreCase(value);
        }
    }

    private static final String PUNCTUATION = "()[],'\"";
    private static final String OPERATOR_CHARS = "=!<>~&|";

    private QueryLexer() {
    }

    static List<Token> tokens(String expression) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == '[') {
                tokens.add(new Token(Kind.OPEN, String.valueOf(c), i++));
            } else if (c == ')' || c == ']') {
                tokens.add(new Token(Kind.CLOSE, String.valueOf(c), i++));
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == '\'' || c == '"') {
                int end = expression.indexOf(c, i + 1);
                if (end < 0) {
                    throw new QuerySyntaxException(expression, i, "unterminated quoted value");
                }
                tokens.add(new Token(Kind.QUOTED, expression.substring(i + 1, end), i));
                i = end + 1;
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                i = operator(expression, i, tokens);
            } else {
                int start = i;
                while (i < n && isWordChar(expression.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, expression.substring(start, i), start));
            }
        }
        tokens.add(new Token(Kind.END, "", n));
        return tokens;
    }

    private static int operator(String expression, int start, List<Token> tokens) {
        for (String word : List.of("!exists", "!in")) {
            int end = start + word.length();
            if (expression.startsWith(word, start) && (end == expression.length() || !isWordChar(expression.charAt(end)))) {
                tokens.add(new Token(Kind.OPERATOR, word, start));
                return end;
            }
        }
        for (String symbol : List.of("==", "!=", ">=", "<=", "=~", "!~", "&&", "||", ">", "<", "!")) {
            if (expression.startsWith(symbol, start)) {
                tokens.add(new Token(Kind.OPERATOR, symbol, start));
                return start + symbol.length();
            }
        }
        throw new QuerySyntaxException(expression, start, "unknown operator '" + expression.charAt(start) + "'");
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && PUNCTUATION.indexOf(c) < 0 && OPERATOR_CHARS.indexOf(c) < 0;
    }
}
