package dev.berth.logs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an unstructured pattern. Terms are separated by whitespace; a '?' before a term starts a new
 * alternative (the terms that follow it without '?' join that alternative, which is how
 * {@code ?"ERROR" "MainThread" ?"WARN" "Deadlock"} means either pair); a '-' excludes a term.
 */
final class TermPatternParser {

    private final PatternCursor cursor;
    private final RegexReader regexes;
    private final List<TermGroup> alternatives = new ArrayList<>();
    private List<Term> included = new ArrayList<>();
    private List<Term> excluded = new ArrayList<>();
    private boolean groupStarted;

    private TermPatternParser(String text, int start, RegexReader regexes) {
        this.cursor = new PatternCursor(text, start);
        this.regexes = regexes;
    }

    static TermPattern parse(String text, int start, RegexReader regexes) {
        return new TermPatternParser(text, start, regexes).parse();
    }

    private TermPattern parse() {
        for (cursor.skipWhitespace(); !cursor.atEnd(); cursor.skipWhitespace()) {
            int start = cursor.position();
            if (cursor.consume('?')) {
                if (groupStarted) {
                    closeGroup();
                }
                addTo(included, readTerm("?", start));
            } else if (cursor.consume('-')) {
                addTo(excluded, readTerm("-", start));
            } else {
                addTo(included, readTerm(null, start));
            }
            groupStarted = true;
        }
        closeGroup();
        return new TermPattern(alternatives);
    }

    private void closeGroup() {
        alternatives.add(new TermGroup(included, excluded));
        included = new ArrayList<>();
        excluded = new ArrayList<>();
    }

    private static void addTo(List<Term> terms, Term term) {
        if (term != null) {
            terms.add(term);
        }
    }

    /** The term at the cursor, or null for a blank phrase ({@code " "}), which CloudWatch documents as matching everything. */
    private Term readTerm(String prefix, int prefixAt) {
        if (cursor.atEnd() || cursor.atWhitespace()) {
            throw PatternCursor.error("expected a term after '" + prefix + "'", prefixAt);
        }
        int start = cursor.position();
        Term term;
        if (cursor.peekIs('"')) {
            String phrase = cursor.readQuoted();
            term = phrase.isBlank() ? null : new Term.Literal(phrase);
        } else if (cursor.peekIs('%')) {
            term = new Term.Regex(regexes.read(cursor));
        } else {
            return new Term.Literal(cursor.readWhile(c -> !Character.isWhitespace(c)));
        }
        if (!cursor.atEnd() && !cursor.atWhitespace()) {
            throw cursor.error("expected a space before " + cursor.describeNext());
        }
        return term;
    }
}
