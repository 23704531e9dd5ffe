package dev.berth.scheduler.placement;

import dev.berth.scheduler.placement.query.ClusterQuery;

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
     * @param type       {@code distinctInstance} or {@code memberOf}
     * @param expression the cluster query of a memberOf constraint
     * @throws IllegalArgumentException naming what is wrong; a bad expression throws a
     *                                  {@link dev.berth.scheduler.placement.query.QuerySyntaxException}
     */
    public static PlacementConstraint of(String type, String expression) {
        if ("distinctInstance".equals(type)) {
            if (expression != null && !expression.isBlank()) {
                throw new IllegalArgumentException("a distinctInstance constraint takes no expression");
            }
            return new DistinctInstance();
        }
        if ("memberOf".equals(type)) {
            if (expression == null || expression.isBlank()) {
                throw new IllegalArgumentException("a memberOf constraint needs an expression");
            }
            return new MemberOf(ClusterQuery.parse(expression));
        }
        throw new IllegalArgumentException("unknown constraint type '" + type + "' (distinctInstance or memberOf)");
    }
}
