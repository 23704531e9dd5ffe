package dev.berth.logs.filter;

import java.math.BigDecimal;

/** The right-hand side of a comparison in a JSON or space-delimited pattern. */
sealed interface ExpectedValue permits ExpectedValue.Text, ExpectedValue.Number, ExpectedValue.Regex {

    /** Whether {@code actual} (a JSON value or a message field, as text) passes {@code operator} against this. */
    boolean test(ComparisonOperator operator, String actual);

    /**
     * A string, quoted or bare. A '*' at its start or end matches any text there ({@code *Event},
     * {@code 4*}, {@code *html*}, {@code *} alone for any value); one elsewhere is a literal '*'.
     */
    record Text(String core, boolean anyPrefix, boolean anySuffix) implements ExpectedValue {

        static Text of(String text) {
            boolean prefix = text.startsWith("*");
            boolean suffix = text.length() > 1 && text.endsWith("*");
            return new Text(text.substring(prefix ? 1 : 0, suffix ? text.length() - 1 : text.length()),
                    prefix, suffix);
        }

        @Override
        public boolean test(ComparisonOperator operator, String actual) {
            boolean equal;
            if (anyPrefix && anySuffix) {
                equal = actual.contains(core);
            } else if (anyPrefix) {
                equal = actual.endsWith(core);
            } else if (anySuffix) {
                equal = actual.startsWith(core);
            } else {
                equal = actual.equals(core);
            }
            return operator == ComparisonOperator.NOT_EQUAL ? !equal : equal;
        }
    }

    /** A number, compared numerically; a value that is not a number is only ever "not equal" to it. */
    record Number(BigDecimal number) implements ExpectedValue {
        @Override
        public boolean test(ComparisonOperator operator, String actual) {
            if (!NumberSyntax.isNumber(actual)) {
                return operator == ComparisonOperator.NOT_EQUAL;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(actual);
            } catch (NumberFormatException exponentOutOfRange) {
                return operator == ComparisonOperator.NOT_EQUAL;
            }
            return operator.accepts(value.compareTo(number));
        }
    }

    /** A %regex%, found anywhere in the value. */
    record Regex(PercentRegex regex) implements ExpectedValue {
        @Override
        public boolean test(ComparisonOperator operator, String actual) {
            boolean found = regex.foundIn(actual);
            return operator == ComparisonOperator.NOT_EQUAL ? !found : found;
        }
    }
}
