package dev.berth.scheduler.placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which of a group's tasks to stop (old ones in a rolling update, surplus ones in a scale-in),
 * chosen as ECS's service scheduler does: each stop comes from the value of the spread field
 * (zone, host) that holds the most tasks of the group, so that the tasks left stay as even as the
 * spread strategies ask. Several spread strategies decide in their order; candidates still tied
 * go in the caller's order (oldest first, say). Binpack and random do not choose stops. Each
 * choice sees the ones before it, across calls too: use one object per round of stops.
 *
 * @param <T> a task; {@code hostOf} says where it runs
 */
public final class SpreadKeepingStops<T> {

    private final List<PlacementStrategy.Spread> spreads = new ArrayList<>();
    private final Map<String, Map<String, String>> attributesOfHost;
    private final Function<T, String> hostOf;
    /** Per spread strategy: how many of the group's tasks each value of its field holds. */
    private final List<Map<String, Integer>> tasksPerValue = new ArrayList<>();

    /**
     * @param attributesOfHost each host's attributes by instance id (a host not in it has none)
     * @param group            every task of the group that runs now, the candidates of later calls among them
     */
    public SpreadKeepingStops(List<PlacementStrategy> strategies, Map<String, Map<String, String>> attributesOfHost,
                              Function<T, String> hostOf, Collection<T> group) {
        this.attributesOfHost = attributesOfHost;
        this.hostOf = hostOf;
        for (PlacementStrategy strategy : strategies) {
            if (strategy instanceof PlacementStrategy.Spread spread) {
                Map<String, Integer> counts = new HashMap<>();
                for (T task : group) {
                    counts.merge(valueOf(spread, hostOf.apply(task)), 1, Integer::sum);
                }
                spreads.add(spread);
                tasksPerValue.add(counts);
            }
        }
    }

    /** Up to {@code count} of the candidates (given in the order to take them when the spread does not decide). */
    public List<T> choose(List<T> candidates, int count) {
        List<T> left = new ArrayList<>(candidates);
        List<T> chosen = new ArrayList<>();
        while (chosen.size() < count && !left.isEmpty()) {
            int best = 0;
            for (int k = 1; k < left.size(); k++) {
                if (compareCrowding(left.get(k), left.get(best)) > 0) {
                    best = k;
                }
            }
            T task = left.remove(best);
            for (int s = 0; s < spreads.size(); s++) {
                tasksPerValue.get(s).merge(valueOf(spreads.get(s), hostOf.apply(task)), -1, Integer::sum);
            }
            chosen.add(task);
        }
        return chosen;
    }

    /** Positive when {@code a}'s values hold more tasks than {@code b}'s, the first spread strategy first. */
    private int compareCrowding(T a, T b) {
        for (int s = 0; s < spreads.size(); s++) {
            Map<String, Integer> counts = tasksPerValue.get(s);
            int byA = counts.getOrDefault(valueOf(spreads.get(s), hostOf.apply(a)), 0);
            int byB = counts.getOrDefault(valueOf(spreads.get(s), hostOf.apply(b)), 0);
            if (byA != byB) {
                return Integer.compare(byA, byB);
            }
        }
        return 0;
    }

    private String valueOf(PlacementStrategy.Spread spread, String host) {
        if (spread.byHost()) {
            return host;
        }
        String value = BuiltInAttributes.valueOf(attributesOfHost.getOrDefault(host, Map.of()), spread.attribute());
        return value == null ? "" : value;
    }
}
