package dev.berth.scheduler.placement.query;

/** A parsed expression: comparisons joined with and, or and not. */
sealed interface QueryExpression permits QueryExpression.And, QueryExpression.Or, QueryExpression.Not, Comparison {

    boolean test(QuerySubject subject);

    record And(QueryExpression left, QueryExpression right) implements QueryExpression {
        @Override
        public boolean test(QuerySubject subject) {
            return left.test(subject) && right.test(subject);
        }
    }

    record Or(QueryExpression left, QueryExpression right) implements QueryExpression {
        @Override
        public boolean test(QuerySubject subject) {
            return left.test(subject) || right.test(subject);
        }
    }

    record Not(QueryExpression inner) implements QueryExpression {
        @Override
        public boolean test(QuerySubject subject) {
            return !inner.test(subject);
        }
    }
}
