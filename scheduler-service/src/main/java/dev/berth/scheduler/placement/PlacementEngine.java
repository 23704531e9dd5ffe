package dev.berth.scheduler.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chooses hosts for tasks the way ECS does: a host must have the resources, be ACTIVE with its
 * agent connected and satisfy every constraint; the strategies then narrow the feasible hosts in
 * the order given; a tie left at the end is broken with the request's seeded random source, so
 * the same cluster and seed give the same plan. Tasks are placed one after another, each seeing
 * the ones before it.
 */
public final class PlacementEngine {

    public PlacementPlan plan(List<HostSnapshot> hosts, PlacementRequest request) {
        return plan(ClusterState.of(hosts), request);
    }

    /** Plans on the cluster's current state and leaves the state as it found it. */
    public PlacementPlan plan(ClusterState cluster, PlacementRequest request) {
        List<PlacementPlan.TaskPlacement> placements = new ArrayList<>();
        List<List<String>> portKeys = new ArrayList<>();
        try {
            return plan(cluster, request, placements, portKeys);
        } finally {
            for (int i = placements.size() - 1; i >= 0; i--) {
                cluster.unplace(cluster.indexOf(placements.get(i).instanceId()), request.demand(), portKeys.get(i));
            }
        }
    }

    /** Plans on the cluster's current state and keeps the placements in it, as a scheduler that writes them does. */
    public PlacementPlan place(ClusterState cluster, PlacementRequest request) {
        return plan(cluster, request, new ArrayList<>(), new ArrayList<>());
    }

    private static PlacementPlan plan(ClusterState cluster, PlacementRequest request,
                                      List<PlacementPlan.TaskPlacement> placements, List<List<String>> portKeys) {
        TaskDemand demand = request.demand();
        List<FeasibilityCheck> checks = FeasibilityCheck.inEcsOrder(request.constraints());
        Random random = new Random(request.seed());
        int[] candidates = cluster.candidates();
        List<MissingAttribute> missing = MissingAttribute.find(cluster, request.constraints(), request.strategies());
        for (int task = 0; task < request.count(); task++) {
            List<Rejection> passedOver = request.explain() ? new ArrayList<>() : null;
            int count = feasible(cluster, checks, demand, candidates, passedOver);
            if (count == 0) {
                return new PlacementPlan(List.copyOf(placements), request.count() - task, firstReasons(cluster, checks, demand),
                        missing);
            }
            for (PlacementStrategy strategy : request.strategies()) {
                count = StrategyRanker.narrow(strategy, cluster, demand, candidates, count, random, passedOver);
            }
            int chosen = candidates[count == 1 ? 0 : random.nextInt(count)];
            if (passedOver != null) {
                for (int k = 0; k < count; k++) {
                    if (candidates[k] != chosen) {
                        passedOver.add(new Rejection(cluster.instanceId(candidates[k]), "TIE",
                                "as good as the chosen host; chosen at random"));
                    }
                }
            }
            List<Integer> ports = PortAssigner.assign(cluster, chosen, demand).orElseThrow();
            List<String> keys = PortAssigner.keys(demand, ports);
            cluster.place(chosen, demand, keys);
            portKeys.add(keys);
            placements.add(new PlacementPlan.TaskPlacement(task, cluster.instanceId(chosen), ports,
                    passedOver == null ? List.of() : List.copyOf(passedOver)));
        }
        return new PlacementPlan(List.copyOf(placements), 0, List.of(), missing);
    }

    /**
     * Puts the hosts that pass every check at the front of {@code candidates}, in id order, and
     * returns how many. Explaining, every host meets every check and each failure is recorded.
     */
    private static int feasible(ClusterState cluster, List<FeasibilityCheck> checks, TaskDemand demand, int[] candidates,
                                List<Rejection> passedOver) {
        if (passedOver == null) {
            int count = checks.get(0).keepFromAll(cluster, demand, candidates);
            for (int c = 1; c < checks.size() && count > 0; c++) {
                count = checks.get(c).keep(cluster, demand, candidates, count);
            }
            return count;
        }
        int count = 0;
        for (int host = 0; host < cluster.size(); host++) {
            boolean fits = true;
            for (FeasibilityCheck check : checks) {
                Rejection rejection = check.why(cluster, host, demand);
                if (rejection != null) {
                    passedOver.add(rejection);
                    fits = false;
                }
            }
            if (fits) {
                candidates[count++] = host;
            }
        }
        return count;
    }

    /** ECS's failures[] when no host fits: each host with the first check it fails. */
    private static List<Rejection> firstReasons(ClusterState cluster, List<FeasibilityCheck> checks, TaskDemand demand) {
        List<Rejection> reasons = new ArrayList<>();
        for (int host = 0; host < cluster.size(); host++) {
            for (FeasibilityCheck check : checks) {
                Rejection rejection = check.why(cluster, host, demand);
                if (rejection != null) {
                    reasons.add(rejection);
                    break;
                }
            }
        }
        return reasons;
    }
}
