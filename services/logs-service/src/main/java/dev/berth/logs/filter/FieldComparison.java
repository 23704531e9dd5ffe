package dev.berth.logs.filter;

import java.util.Set;

/** {@code field OP value} inside a space-delimited pattern, e.g. {@code status_code = 4*} or {@code bytes > 1000}. */
record FieldComparison(String field, ComparisonOperator operator, ExpectedValue expected)
        implements Condition<DelimitedEvent> {

    @Override
    public boolean test(DelimitedEvent event) {
        return expected.test(operator, event.field(field));
    }

    /** Fields are verbatim pieces of the message, so text a field must equal or contain is in the message. */
    @Override
    public Set<String> requiredLiterals() {
        if (operator == ComparisonOperator.EQUAL && expected instanceof ExpectedValue.Text text
                && !text.core().isEmpty()) {
            return Set.of(text.core());
        }
        return Set.of();
    }
}
