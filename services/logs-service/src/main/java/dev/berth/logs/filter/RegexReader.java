package dev.berth.logs.filter;

/**
 * Reads the %regex% terms and values of one pattern, and counts them. CloudWatch allows at most two regular expressions in a
 * pattern used to filter log events or tail them; Berth applies that to every pattern, which also bounds
 * the matching work one event can cost.
 */
final class RegexReader {

    static final int MAX_PER_PATTERN = 2;

    private int read;

    /** How many were read. */
    int count() {
        return read;
    }

    /** Reads the %regex% starting at the cursor's opening percent sign. */
    PercentRegex read(PatternCursor cursor) {
        int start = cursor.position();
        PercentRegex regex = PercentRegex.compile(cursor.readPercentDelimited(), start);
        if (++read > MAX_PER_PATTERN) {
            throw PatternCursor.error("at most " + MAX_PER_PATTERN + " regular expressions are allowed in a pattern",
                    start);
        }
        return regex;
    }
}
