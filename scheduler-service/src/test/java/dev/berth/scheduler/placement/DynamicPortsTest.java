package dev.berth.scheduler.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dynamic host ports come from each host's own range and never a port taken on the host's machine. */
class DynamicPortsTest {

    private final PlacementEngine engine = new PlacementEngine();

    private static HostSnapshot host(String id, Set<String> taken, int first, int last) {
        return new HostSnapshot(id, true, true, "1.0", null, Map.of(), 4096, 8192, 4096, 8192, taken, Map.of(), first, last);
    }

    private static PlacementRequest tasks(int count) {
        TaskDemand web = new TaskDemand(128, 128, List.of(new TaskDemand.PortDemand(0, "tcp")), "family:web");
        return new PlacementRequest(web, count, List.of(), List.of(PlacementStrategy.of("placementStrategy[0]", "binpack", "memory")), 1, true);
    }

    @Test
    void aHostsDynamicPortsComeFromItsOwnRangeAndSkipWhatIsBoundOnItsMachine() {
        HostSnapshot second = host("i-b", Set.of("tcp/50100"), 50100, 50102);
        PlacementPlan plan = engine.plan(List.of(second), tasks(3));
        assertEquals(List.of(List.of(50101), List.of(50102)),
                plan.placements().stream().map(PlacementPlan.TaskPlacement::hostPorts).toList());
        assertEquals(1, plan.unplaced());
        assertTrue(plan.failures().get(0).detail().contains("50100-50102"), plan.failures().toString());
    }

    @Test
    void withoutARangeOfItsOwnAHostGivesEcsDynamicPorts() {
        HostSnapshot plain = new HostSnapshot("i-a", true, true, "1.0", null, Map.of(), 4096, 8192, 4096, 8192,
                Set.of(), Map.of());
        assertEquals(List.of(49153), engine.plan(List.of(plain), tasks(1)).placements().get(0).hostPorts());
    }
}
