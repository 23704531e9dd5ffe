package dev.berth.scheduler.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Chooses hosts for tasks the way ECS does: a host must have the resources, be ACTIVE with its
 * agent connected and satisfy every constraint; the strategies then narrow the feasible hosts in
 * the order given; a tie left at the end is broken with the request's seeded random source, so
 * the same snapshot and seed give the same plan. Tasks are placed one after another, each
 * seeing the ones before it.
 */
public final class PlacementEngine {

    public PlacementPlan plan(List<HostSnapshot> hosts, PlacementRequest request) {
        List<CandidateHost> cluster = new ArrayList<>(hosts.size());
        for (HostSnapshot host : inIdOrder(hosts)) {
            cluster.add(new CandidateHost(host));
        }
        List<FeasibilityCheck> checks = FeasibilityCheck.inEcsOrder(request.constraints());
        Random random = new Random(request.seed());
        List<PlacementPlan.TaskPlacement> placements = new ArrayList<>();
        for (int task = 0; task < request.count(); task++) {
            List<Rejection> passedOver = new ArrayList<>();
            List<CandidateHost> feasible = feasible(cluster, checks, request, passedOver);
            if (feasible.isEmpty()) {
                return new PlacementPlan(placements, request.count() - task, firstReasonPerHost(passedOver));
            }
            List<CandidateHost> preferred = feasible;
            for (PlacementStrategy strategy : request.strategies()) {
                StrategyRanker.Narrowed narrowed = StrategyRanker.narrow(strategy, preferred, cluster, request.demand(),
                        random, request.explain());
                preferred = narrowed.kept();
                passedOver.addAll(narrowed.passedOver());
            }
            CandidateHost chosen = preferred.size() == 1 ? preferred.get(0) : preferred.get(random.nextInt(preferred.size()));
            if (request.explain()) {
                preferred.stream().filter(h -> h != chosen).forEach(h ->
                        passedOver.add(new Rejection(h.instanceId(), "TIE", "as good as the chosen host; chosen at random")));
            }
            List<Integer> ports = PortAssigner.assign(chosen, request.demand()).orElseThrow();
            chosen.place(request.demand(), PortAssigner.keys(request.demand(), ports));
            placements.add(new PlacementPlan.TaskPlacement(task, chosen.instanceId(), ports,
                    request.explain() ? List.copyOf(passedOver) : List.of()));
        }
        return new PlacementPlan(placements, 0, List.of());
    }

    /** Plans must not depend on the order hosts come in; callers that keep them sorted pay no sort. */
    private static List<HostSnapshot> inIdOrder(List<HostSnapshot> hosts) {
        for (int i = 1; i < hosts.size(); i++) {
            if (hosts.get(i - 1).instanceId().compareTo(hosts.get(i).instanceId()) > 0) {
                return hosts.stream().sorted(Comparator.comparing(HostSnapshot::instanceId)).toList();
            }
        }
        return hosts;
    }

    private static List<CandidateHost> feasible(List<CandidateHost> cluster, List<FeasibilityCheck> checks,
                                                PlacementRequest request, List<Rejection> rejections) {
        List<CandidateHost> feasible = new ArrayList<>();
        for (CandidateHost host : cluster) {
            boolean fits = true;
            for (FeasibilityCheck check : checks) {
                Optional<Rejection> rejection = check.check(host, request.demand());
                if (rejection.isPresent()) {
                    fits = false;
                    rejections.add(rejection.get());
                    if (!request.explain()) {
                        break;
                    }
                }
            }
            if (fits) {
                feasible.add(host);
            }
        }
        return feasible;
    }

    private static List<Rejection> firstReasonPerHost(List<Rejection> rejections) {
        List<Rejection> first = new ArrayList<>();
        for (Rejection rejection : rejections) {
            if (first.isEmpty() || !first.get(first.size() - 1).instanceId().equals(rejection.instanceId())) {
                first.add(rejection);
            }
        }
        return first;
    }
}
