package dev.berth.scheduler.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

/** Narrows the feasible hosts to the ones a strategy likes best; the next strategy breaks their tie. */
final class StrategyRanker {

    /** The hosts a strategy keeps, and why it passed over the others. */
    record Narrowed(List<CandidateHost> kept, List<Rejection> passedOver) {
    }

    private StrategyRanker() {
    }

    static Narrowed narrow(PlacementStrategy strategy, List<CandidateHost> candidates, List<CandidateHost> cluster,
                           TaskDemand demand, Random random, boolean explain) {
        return switch (strategy) {
            case PlacementStrategy.Binpack b -> b.field().equals("cpu")
                    ? lowest(strategy, candidates, CandidateHost::remainingCpu, "cpu units left", explain)
                    : lowest(strategy, candidates, CandidateHost::remainingMemory, "MiB left", explain);
            case PlacementStrategy.Spread s when s.byHost() ->
                    lowest(strategy, candidates, h -> h.tasksOfGroup(demand.group()), "tasks of " + demand.group(), explain);
            case PlacementStrategy.Spread s -> spreadOverAttribute(s, candidates, cluster, demand, explain);
            case PlacementStrategy.Random r -> {
                CandidateHost chosen = candidates.get(random.nextInt(candidates.size()));
                yield new Narrowed(List.of(chosen), explain ? candidates.stream().filter(h -> h != chosen)
                        .map(h -> new Rejection(h.instanceId(), "STRATEGY", "random chose another host")).toList() : List.of());
            }
        };
    }

    private static Narrowed lowest(PlacementStrategy strategy, List<CandidateHost> candidates,
                                   ToIntFunction<CandidateHost> score, String unit, boolean explain) {
        int best = Integer.MAX_VALUE;
        for (CandidateHost host : candidates) {
            best = Math.min(best, score.applyAsInt(host));
        }
        List<CandidateHost> kept = new ArrayList<>();
        List<Rejection> passedOver = new ArrayList<>();
        for (CandidateHost host : candidates) {
            int value = score.applyAsInt(host);
            if (value == best) {
                kept.add(host);
            } else if (explain) {
                passedOver.add(new Rejection(host.instanceId(), "STRATEGY",
                        strategy + " preferred " + best + " " + unit + " to this host's " + value));
            }
        }
        return new Narrowed(kept, passedOver);
    }

    /** The attribute value with the fewest tasks of the group across the whole cluster wins. */
    private static Narrowed spreadOverAttribute(PlacementStrategy.Spread spread, List<CandidateHost> candidates,
                                                List<CandidateHost> cluster, TaskDemand demand, boolean explain) {
        Map<String, Integer> tasksPerValue = new HashMap<>();
        for (CandidateHost host : cluster) {
            tasksPerValue.merge(valueOf(host, spread.field()), host.tasksOfGroup(demand.group()), Integer::sum);
        }
        return lowest(spread, candidates, h -> tasksPerValue.get(valueOf(h, spread.field())),
                "tasks of " + demand.group() + " in its " + spread.field().substring("attribute:".length()), explain);
    }

    private static String valueOf(CandidateHost host, String field) {
        return host.snapshot().attributes().getOrDefault(field.substring("attribute:".length()), "");
    }
}
