package dev.berth.scheduler.placement;

import java.util.List;
import java.util.Random;

/** Narrows the feasible hosts to the ones a strategy likes best; the next strategy breaks their tie. */
final class StrategyRanker {

    private StrategyRanker() {
    }

    /**
     * Keeps the candidates the strategy likes best at the front of the array and returns how many;
     * with {@code passedOver} it also says why each other candidate lost.
     */
    static int narrow(PlacementStrategy strategy, ClusterState cluster, TaskDemand demand, int[] candidates, int count,
                      Random random, List<Rejection> passedOver) {
        return switch (strategy) {
            case PlacementStrategy.Binpack b when b.field().equals(PlacementStrategy.Binpack.CPU_AND_MEMORY) ->
                    leastLeftOfBoth(strategy, cluster, demand, candidates, count, passedOver);
            case PlacementStrategy.Binpack b when b.field().equals("cpu") ->
                    lowest(strategy, cluster, cluster.remainingCpu(), null, candidates, count, "cpu units left", passedOver);
            case PlacementStrategy.Binpack b ->
                    lowest(strategy, cluster, cluster.remainingMemory(), null, candidates, count, "MiB left", passedOver);
            case PlacementStrategy.Spread s when s.byHost() -> lowest(strategy, cluster, cluster.tasksOfGroup(demand.group()),
                    null, candidates, count, passedOver == null ? null : "tasks of " + demand.group(), passedOver);
            case PlacementStrategy.Spread s -> spreadOverAttribute(s, cluster, demand, candidates, count, passedOver);
            case PlacementStrategy.Random r -> {
                int chosen = candidates[random.nextInt(count)];
                if (passedOver != null) {
                    for (int k = 0; k < count; k++) {
                        if (candidates[k] != chosen) {
                            passedOver.add(new Rejection(cluster.instanceId(candidates[k]), "STRATEGY", "random chose another host"));
                        }
                    }
                }
                candidates[0] = chosen;
                yield 1;
            }
        };
    }

    /** Keeps the candidates with the lowest score; a host's score is {@code score[host]}, or {@code score[via[host]]}. */
    private static int lowest(PlacementStrategy strategy, ClusterState cluster, int[] score, int[] via, int[] candidates,
                              int count, String unit, List<Rejection> passedOver) {
        if (passedOver == null) {
            return lowestInOnePass(score, via, candidates, count);
        }
        int best = Integer.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            int host = candidates[k];
            best = Math.min(best, score[via == null ? host : via[host]]);
        }
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int host = candidates[k];
            int value = score[via == null ? host : via[host]];
            if (value == best) {
                candidates[kept++] = host;
            } else if (passedOver != null) {
                passedOver.add(new Rejection(cluster.instanceId(host), "STRATEGY",
                        strategy + " preferred " + best + " " + unit + " to this host's " + value));
            }
        }
        return kept;
    }

    /** As {@link #lowest}, without saying why: a better score starts the kept hosts over. */
    private static int lowestInOnePass(int[] score, int[] via, int[] candidates, int count) {
        int best = Integer.MAX_VALUE;
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int host = candidates[k];
            int value = score[via == null ? host : via[host]];
            if (value < best) {
                best = value;
                kept = 0;
            }
            if (value == best) {
                candidates[kept++] = host;
            }
        }
        return kept;
    }

    /**
     * binpack(cpuAndMemory): the share of cpu and of memory a host would have left after the task,
     * summed, plus twice their difference. Twice: on mixed workloads (bench/binpack-quality.sh)
     * once leaves hosts lopsided and three times leaves them emptier; both cost hosts.
     */
    private static int leastLeftOfBoth(PlacementStrategy strategy, ClusterState cluster, TaskDemand demand,
                                       int[] candidates, int count, List<Rejection> passedOver) {
        double[] scores = new double[count];
        double best = Double.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            scores[k] = leftAfter(cluster, candidates[k], demand);
            best = Math.min(best, scores[k]);
        }
        int kept = 0;
        for (int k = 0; k < count; k++) {
            if (scores[k] == best) {
                candidates[kept++] = candidates[k];
            } else if (passedOver != null) {
                passedOver.add(new Rejection(cluster.instanceId(candidates[k]), "STRATEGY", String.format(
                        "%s preferred a host scoring %.3f to this host's %.3f (share of cpu and memory left, plus twice "
                                + "their difference)", strategy, best, scores[k])));
            }
        }
        return kept;
    }

    private static double leftAfter(ClusterState cluster, int host, TaskDemand demand) {
        double cpu = (cluster.remainingCpu()[host] - demand.cpu()) / (double) Math.max(1, cluster.cpuCapacity(host));
        double memory = (cluster.remainingMemory()[host] - demand.memory()) / (double) Math.max(1, cluster.memoryCapacity(host));
        return cpu + memory + 2 * Math.abs(cpu - memory);
    }

    /** The attribute value with the fewest tasks of the group across the whole cluster wins. */
    private static int spreadOverAttribute(PlacementStrategy.Spread spread, ClusterState cluster, TaskDemand demand,
                                           int[] candidates, int count, List<Rejection> passedOver) {
        String attribute = spread.attribute();
        int[] tasksPerValue = cluster.tasksPerValue(demand.group(), attribute);
        return lowest(spread, cluster, tasksPerValue, cluster.attribute(attribute).valueOf(), candidates, count,
                passedOver == null ? null : "tasks of " + demand.group() + " in its " + attribute, passedOver);
    }
}
