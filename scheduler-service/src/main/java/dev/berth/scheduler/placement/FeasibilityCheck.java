package dev.berth.scheduler.placement;

import java.util.ArrayList;
import java.util.List;

/** One reason a host can or cannot take a task; checks are small and run in ECS's order. */
interface FeasibilityCheck {

    /** Moves the candidate hosts that pass to the front of the array, in order, and returns how many pass. */
    int keep(ClusterState cluster, TaskDemand demand, int[] candidates, int count);

    /** As {@link #keep} with every host of the cluster as a candidate. */
    default int keepFromAll(ClusterState cluster, TaskDemand demand, int[] candidates) {
        for (int host = 0; host < cluster.size(); host++) {
            candidates[host] = host;
        }
        return keep(cluster, demand, candidates, cluster.size());
    }

    /** Why the host fails this check, or null when it passes. */
    Rejection why(ClusterState cluster, int host, TaskDemand demand);

    /** Resources first, then the host's state, then the constraints, as ECS evaluates them. */
    static List<FeasibilityCheck> inEcsOrder(List<PlacementConstraint> constraints) {
        List<FeasibilityCheck> checks = new ArrayList<>(List.of(
                new ResourceChecks.CpuAndMemory(), new ResourceChecks.Ports(),
                new HostStateCheck()));
        for (PlacementConstraint constraint : constraints) {
            checks.add(new ConstraintCheck(constraint));
        }
        return checks;
    }
}
