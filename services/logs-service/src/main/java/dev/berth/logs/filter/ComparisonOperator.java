package dev.berth.logs.filter;

/** The operators of JSON and space-delimited comparisons. */
enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS_THAN("<"),
    LESS_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_OR_EQUAL(">=");

    /** Two-character operators first, so that "<=" is not read as "<". */
    private static final ComparisonOperator[] BY_LENGTH = {
        NOT_EQUAL, LESS_OR_EQUAL, GREATER_OR_EQUAL, EQUAL, LESS_THAN, GREATER_THAN
    };

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    boolean isEquality() {
        return this == EQUAL || this == NOT_EQUAL;
    }

    /** Whether an actual value that compares to the expected one as {@code order} (as compareTo) passes. */
    boolean accepts(int order) {
        return switch (this) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS_THAN -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER_THAN -> order > 0;
            case GREATER_OR_EQUAL -> order >= 0;
        };
    }

    /** Reads the operator at the cursor; null when there is none. */
    static ComparisonOperator read(PatternCursor cursor) {
        int at = cursor.position();
        for (ComparisonOperator operator : BY_LENGTH) {
            if (cursor.consume(operator.symbol)) {
                if (operator == EQUAL && cursor.peekIs('=')) {
                    throw PatternCursor.error("'==' is not an operator, use '='", at);
                }
                return operator;
            }
        }
        return null;
    }
}
