package dev.berth.scheduler.placement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A strategy or constraint that names an attribute no host of the cluster has: such a spread
 * spreads nothing and such a memberOf matches on absence only, which is seldom what was meant
 * (a misspelt or another platform's name), so plans and service events say so.
 *
 * @param placement the strategy or constraint, as {@code placement strategy spread(attribute:x)}
 */
public record MissingAttribute(String placement, String attribute) {

    public String message() {
        return placement + " names the attribute " + attribute + ", which no container instance in the cluster has";
    }

    /** Each attribute the strategies and constraints name that no host of the cluster has; none for a cluster without hosts. */
    public static List<MissingAttribute> find(ClusterState cluster, List<PlacementConstraint> constraints,
                                              List<PlacementStrategy> strategies) {
        if (cluster.size() == 0) {
            return List.of();
        }
        Set<MissingAttribute> missing = new LinkedHashSet<>();
        for (PlacementStrategy strategy : strategies) {
            if (strategy instanceof PlacementStrategy.Spread spread && spread.attribute() != null
                    && !cluster.anyHostHas(spread.attribute())) {
                missing.add(new MissingAttribute("placement strategy " + spread, spread.attribute()));
            }
        }
        for (PlacementConstraint constraint : constraints) {
            if (constraint instanceof PlacementConstraint.MemberOf memberOf) {
                for (String attribute : memberOf.expression().attributes()) {
                    if (!cluster.anyHostHas(attribute)) {
                        missing.add(new MissingAttribute("placement constraint " + memberOf, attribute));
                    }
                }
            }
        }
        return new ArrayList<>(missing);
    }
}
