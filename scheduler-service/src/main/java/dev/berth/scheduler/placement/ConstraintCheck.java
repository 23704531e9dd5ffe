package dev.berth.scheduler.placement;

import java.util.BitSet;

/** A placement constraint as a feasibility check. */
final class ConstraintCheck implements FeasibilityCheck {

    private final PlacementConstraint constraint;

    ConstraintCheck(PlacementConstraint constraint) {
        this.constraint = constraint;
    }

    @Override
    public int keep(ClusterState cluster, TaskDemand demand, int[] candidates, int count) {
        int kept = 0;
        switch (constraint) {
            case PlacementConstraint.DistinctInstance d -> {
                int[] tasks = cluster.tasksOfGroup(demand.group());
                for (int k = 0; k < count; k++) {
                    if (tasks[candidates[k]] == 0) {
                        candidates[kept++] = candidates[k];
                    }
                }
            }
            case PlacementConstraint.MemberOf m when !m.expression().readsTasks() -> {
                BitSet matching = cluster.matching(m.expression());
                for (int k = 0; k < count; k++) {
                    if (matching.get(candidates[k])) {
                        candidates[kept++] = candidates[k];
                    }
                }
            }
            case PlacementConstraint.MemberOf m -> {
                for (int k = 0; k < count; k++) {
                    if (m.expression().matches(new HostView(cluster, candidates[k]))) {
                        candidates[kept++] = candidates[k];
                    }
                }
            }
        }
        return kept;
    }

    @Override
    public Rejection why(ClusterState cluster, int host, TaskDemand demand) {
        return switch (constraint) {
            case PlacementConstraint.DistinctInstance d -> cluster.tasksOfGroup(demand.group())[host] == 0 ? null
                    : new Rejection(cluster.instanceId(host), "DistinctInstance",
                    "distinctInstance: already runs a task of " + demand.group());
            case PlacementConstraint.MemberOf m -> m.expression().matches(new HostView(cluster, host)) ? null
                    : new Rejection(cluster.instanceId(host), "MissingAttribute",
                    "does not match memberOf(" + m.expression() + ")");
        };
    }
}
