package dev.berth.scheduler.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.scheduler.deployments.DeploymentConfiguration;
import dev.berth.scheduler.deployments.RollingUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Choosing the tasks to stop so that a service stays spread, alone and in rolling updates with the real engine. */
class SpreadKeepingStopsTest {

    /** A task of the service: {@code order} is when it was created. */
    private record Running(String id, String host, String deployment, int order, boolean healthy) {
    }

    private static final Map<String, Map<String, String>> ZONES = Map.of(
            "i-a1", Map.of("berth.availability-zone", "zone-a"), "i-a2", Map.of("berth.availability-zone", "zone-a"),
            "i-b1", Map.of("berth.availability-zone", "zone-b"));

    private static final List<PlacementStrategy> BY_ZONE = List.of(PlacementStrategy.of("placementStrategy[0]", "spread", "attribute:ecs.availability-zone"));

    private static Running task(String id, String host, int order) {
        return new Running(id, host, "v1", order, true);
    }

    private static SpreadKeepingStops<Running> stops(List<PlacementStrategy> strategies, List<Running> group) {
        return new SpreadKeepingStops<>(strategies, ZONES, Running::host, group);
    }

    @Test
    void aScaleInStopsFromTheZoneWithTheMostTasksNotTheNewestTasks() {
        List<Running> group = List.of(task("t1", "i-a1", 1), task("t2", "i-a1", 2), task("t3", "i-b1", 3), task("t4", "i-b1", 4));
        List<Running> newestFirst = group.stream().sorted(Comparator.comparing(Running::order).reversed()).toList();
        assertEquals(List.of("t4", "t2"), stops(BY_ZONE, group).choose(newestFirst, 2).stream().map(Running::id).toList());
    }

    @Test
    void spreadStrategiesDecideInTheirOrderAndTheCallersOrderBreaksTies() {
        List<Running> group = List.of(task("t1", "i-b1", 1), task("t2", "i-a2", 2), task("t3", "i-a1", 3),
                task("t4", "i-a1", 4), task("t5", "i-b1", 5));
        List<PlacementStrategy> zoneThenHost = List.of(BY_ZONE.get(0), PlacementStrategy.of("placementStrategy[0]", "spread", "instanceId"),
                PlacementStrategy.of("placementStrategy[0]", "binpack", "memory"));
        // zone-a holds 3: of its hosts i-a1 holds 2; then 2 and 2 in the zones, and i-b1 holds 2
        assertEquals(List.of("t3", "t1", "t2"), stops(zoneThenHost, group).choose(group, 3).stream().map(Running::id).toList());
        assertEquals(List.of("t1", "t2"), stops(List.of(PlacementStrategy.of("placementStrategy[0]", "binpack", "memory")), group).choose(group, 2)
                .stream().map(Running::id).toList(), "without a spread, the caller's order");
    }

    @Test
    void eachCallSeesTheStopsChosenBefore() {
        List<Running> group = List.of(task("t1", "i-a1", 1), task("t2", "i-a1", 2), task("t3", "i-b1", 3), task("t4", "i-b1", 4));
        SpreadKeepingStops<Running> stops = stops(BY_ZONE, group);
        assertEquals(List.of("t1"), stops.choose(List.of(group.get(0)), 1).stream().map(Running::id).toList());
        assertEquals(List.of("t3"), stops.choose(group.subList(1, 4), 1).stream().map(Running::id).toList());
    }

    /**
     * The rolling update of the field report: 4 tasks spread over two zones, the two oldest in
     * zone-a, 50/100. Each round stops what {@link RollingUpdate} says, oldest first among equals,
     * and places the new tasks with the engine on what is left; new tasks are healthy a round later.
     */
    @Test
    void aRollingUpdateKeepsTheServiceSpreadInEveryRound() {
        List<Running> live = new ArrayList<>(List.of(task("t1", "i-a1", 1), task("t2", "i-a2", 2), task("t3", "i-b1", 3),
                task("t4", "i-b1", 4)));
        DeploymentConfiguration bounds = new DeploymentConfiguration(50, 100);
        PlacementEngine engine = new PlacementEngine();
        int created = live.size();
        for (int round = 0; round < 10; round++) {
            List<Running> old = live.stream().filter(t -> t.deployment().equals("v1")).toList();
            List<Running> fresh = live.stream().filter(t -> t.deployment().equals("v2")).toList();
            RollingUpdate.Step step = RollingUpdate.next(4, bounds, new RollingUpdate.Fleet(
                    count(old, true), count(old, false), count(fresh, true), count(fresh, false)));
            if (step.complete()) {
                assertEquals(Map.of("zone-a", 2L, "zone-b", 2L), perZone(live));
                return;
            }
            SpreadKeepingStops<Running> stops = stops(BY_ZONE, live);
            List<Running> chosen = new ArrayList<>(stops.choose(old.stream().filter(t -> !t.healthy()).toList(), step.stopOldPending()));
            chosen.addAll(stops.choose(old.stream().filter(Running::healthy).sorted(Comparator.comparing(Running::order)).toList(),
                    step.stopOldRunning()));
            live.removeAll(chosen);
            Map<String, Long> left = perZone(live);
            assertTrue(Math.abs(left.getOrDefault("zone-a", 0L) - left.getOrDefault("zone-b", 0L)) <= 1,
                    "round " + round + " left " + left);
            List<Running> next = new ArrayList<>();
            live.forEach(t -> next.add(new Running(t.id(), t.host(), t.deployment(), t.order(), true)));
            if (step.startNew() > 0) {
                PlacementPlan plan = engine.plan(snapshots(live), new PlacementRequest(new TaskDemand(128, 128, List.of(),
                        "service:web"), step.startNew(), List.of(), BY_ZONE, round, false));
                for (PlacementPlan.TaskPlacement placement : plan.placements()) {
                    created++;
                    next.add(new Running("t" + created, placement.instanceId(), "v2", created, false));
                }
            }
            live = next;
        }
        throw new AssertionError("the rollout did not complete: " + live);
    }

    private static int count(List<Running> tasks, boolean healthy) {
        return (int) tasks.stream().filter(t -> t.healthy() == healthy).count();
    }

    private static Map<String, Long> perZone(List<Running> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(t -> ZONES.get(t.host()).get("berth.availability-zone"),
                Collectors.counting()));
    }

    private static List<HostSnapshot> snapshots(List<Running> live) {
        return ZONES.entrySet().stream().map(host -> new HostSnapshot(host.getKey(), true, true, "1.0.0",
                Instant.parse("2026-01-01T00:00:00Z"), host.getValue(), 4096, 8192, 4096, 8192, Set.of(),
                Map.of("service:web", (int) live.stream().filter(t -> t.host().equals(host.getKey())).count()))).toList();
    }
}
