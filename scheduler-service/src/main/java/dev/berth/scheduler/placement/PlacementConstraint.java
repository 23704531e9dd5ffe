package dev.berth.scheduler.placement;

import dev.berth.common.error.InvalidInputException;
import dev.berth.scheduler.placement.query.ClusterQuery;
import dev.berth.scheduler.placement.query.QuerySyntaxException;

/** ECS's placement constraints: {@code distinctInstance} and {@code memberOf} with a cluster query. */
public sealed interface PlacementConstraint {

    record DistinctInstance() implements PlacementConstraint {
        @Override
        public String toString() {
            return "distinctInstance";
        }
    }

    record MemberOf(ClusterQuery expression) implements PlacementConstraint {
        @Override
        public String toString() {
            return "memberOf(" + expression + ")";
        }
    }

    /**
     * @param at         the field the constraint was given in, e.g. {@code placementConstraints[0]}
     * @param type       {@code distinctInstance} or {@code memberOf}
     * @param expression the cluster query of a memberOf constraint
     * @throws InvalidInputException naming {@code at} and what is wrong; a bad expression throws a
     *                               {@link QuerySyntaxException}
     */
    public static PlacementConstraint of(String at, String type, String expression) {
        if ("distinctInstance".equals(type)) {
            if (expression != null && !expression.isBlank()) {
                throw new InvalidInputException(at, "a distinctInstance constraint takes no expression");
            }
            return new DistinctInstance();
        }
        if ("memberOf".equals(type)) {
            if (expression == null || expression.isBlank()) {
                throw new InvalidInputException(at, "a memberOf constraint needs an expression");
            }
            try {
                return new MemberOf(ClusterQuery.parse(expression));
            } catch (QuerySyntaxException e) {
                throw e.in(at);
            }
        }
        throw new InvalidInputException(at, "unknown constraint type '" + type + "' (distinctInstance or memberOf)");
    }
}
