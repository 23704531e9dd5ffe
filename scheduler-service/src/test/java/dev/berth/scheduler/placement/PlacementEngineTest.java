package dev.berth.scheduler.placement;

import dev.berth.common.error.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacementEngineTest {

    private final PlacementEngine engine = new PlacementEngine();

    private static HostSnapshot host(String id, String zone, String type, int cpu, int memory) {
        return new HostSnapshot(id, true, true, "1.0.0", Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("ecs.availability-zone", zone, "ecs.instance-type", type), Math.max(4096, cpu), Math.max(8192, memory),
                cpu, memory, Set.of(), Map.of());
    }

    private static HostSnapshot with(HostSnapshot h, Set<String> usedPorts, Map<String, Integer> groups) {
        return new HostSnapshot(h.instanceId(), h.active(), h.agentConnected(), h.agentVersion(), h.registeredAt(),
                h.attributes(), h.cpu(), h.memory(), h.remainingCpu(), h.remainingMemory(), usedPorts, groups);
    }

    private static TaskDemand task(int cpu, int memory) {
        return new TaskDemand(cpu, memory, List.of(), "service:web");
    }

    private static PlacementRequest request(TaskDemand demand, int count, List<PlacementConstraint> constraints,
                                            PlacementStrategy... strategies) {
        return new PlacementRequest(demand, count, constraints, List.of(strategies), 42, true);
    }

    private static List<String> hostsOf(PlacementPlan plan) {
        return plan.placements().stream().map(PlacementPlan.TaskPlacement::instanceId).toList();
    }

    @ParameterizedTest(name = "binpack({0}) picks {1}")
    @CsvSource({"memory, i-tight-memory", "cpu, i-tight-cpu"})
    void binpackPicksTheHostWithTheLeastLeftOfItsField(String field, String expected) {
        List<HostSnapshot> hosts = List.of(
                host("i-roomy", "a", "t2", 4096, 8192),
                host("i-tight-memory", "a", "t2", 4096, 1024),
                host("i-tight-cpu", "a", "t2", 512, 8192));
        PlacementPlan plan = engine.plan(hosts, request(task(256, 512), 1, List.of(), PlacementStrategy.of("placementStrategy[0]", "binpack", field)));
        assertEquals(List.of(expected), hostsOf(plan));
        assertTrue(plan.placements().get(0).passedOver().stream()
                .anyMatch(r -> r.instanceId().equals("i-roomy") && r.reason().equals("STRATEGY")
                        && r.detail().startsWith("binpack(" + field + ") preferred")));
    }

    @ParameterizedTest(name = "binpack({0}) picks {1}")
    @CsvSource({"memory, i-cpu-left", "cpu, i-memory-left", "cpuAndMemory, i-even"})
    void binpackOfBothResourcesPrefersTheHostLeftInProportion(String field, String expected) {
        List<HostSnapshot> hosts = List.of(
                host("i-cpu-left", "a", "t2", 4096, 1024),
                host("i-memory-left", "a", "t2", 512, 8192),
                host("i-even", "a", "t2", 1536, 3072));
        PlacementPlan plan = engine.plan(hosts, request(task(256, 512), 1, List.of(), PlacementStrategy.of("placementStrategy[0]", "binpack", field)));
        assertEquals(List.of(expected), hostsOf(plan));
        assertEquals(2, plan.placements().get(0).passedOver().size());
    }

    @Test
    void binpackFillsOneHostBeforeTheNextAndNeverOverCommits() {
        List<HostSnapshot> hosts = List.of(host("i-1", "a", "t2", 1024, 2048), host("i-2", "a", "t2", 1024, 4096));
        PlacementPlan plan = engine.plan(hosts, request(task(128, 1024), 7, List.of(), new PlacementStrategy.Binpack("memory")));
        assertEquals(List.of("i-1", "i-1", "i-2", "i-2", "i-2", "i-2"), hostsOf(plan));
        assertEquals(1, plan.unplaced());
        assertEquals(Set.of("RESOURCE:MEMORY"), plan.failures().stream().map(Rejection::reason).collect(Collectors.toSet()));
        assertEquals(2, plan.failures().size());
    }

    @Test
    void spreadOverZonesThenBinpackMemoryPutsTwoTasksInEachZone() {
        List<HostSnapshot> hosts = List.of(
                host("i-a1", "zone-a", "t2", 4096, 8192), host("i-a2", "zone-a", "t2", 4096, 2048),
                host("i-b1", "zone-b", "t2", 4096, 8192),
                host("i-c1", "zone-c", "t2", 4096, 8192), host("i-c2", "zone-c", "t2", 4096, 4096));
        PlacementPlan plan = engine.plan(hosts, request(task(256, 512), 6, List.of(),
                PlacementStrategy.of("placementStrategy[0]", "spread", "attribute:ecs.availability-zone"), PlacementStrategy.of("placementStrategy[0]", "binpack", "memory")));
        Map<String, Long> perHost = hostsOf(plan).stream().collect(Collectors.groupingBy(h -> h, Collectors.counting()));
        assertEquals(Map.of("i-a2", 2L, "i-b1", 2L, "i-c2", 2L), perHost);
    }

    @Test
    void spreadCountsTheGroupsTasksAlreadyRunning() {
        List<HostSnapshot> hosts = List.of(
                with(host("i-busy", "a", "t2", 4096, 8192), Set.of(), Map.of("service:web", 3, "service:other", 1)),
                with(host("i-idle", "b", "t2", 4096, 8192), Set.of(), Map.of("service:other", 5)));
        PlacementPlan plan = engine.plan(hosts, request(task(128, 128), 5, List.of(), PlacementStrategy.of("placementStrategy[0]", "spread", "instanceId")));
        assertEquals(List.of("i-idle", "i-idle", "i-idle"), hostsOf(plan).subList(0, 3));
        // then 3 and 3: the fourth goes either way, the fifth to the other host
        assertEquals(Map.of("i-idle", 4L, "i-busy", 1L),
                hostsOf(plan).stream().collect(Collectors.groupingBy(h -> h, Collectors.counting())));
    }

    @Test
    void distinctInstancePutsOneTaskOfTheGroupPerHost() {
        List<HostSnapshot> hosts = List.of(host("i-1", "a", "t2", 4096, 8192),
                with(host("i-2", "a", "t2", 4096, 8192), Set.of(), Map.of("service:web", 1)),
                host("i-3", "a", "t2", 4096, 8192));
        PlacementPlan plan = engine.plan(hosts, request(task(128, 128), 3,
                List.of(PlacementConstraint.of("placementConstraints[0]", "distinctInstance", null))));
        assertEquals(Set.of("i-1", "i-3"), Set.copyOf(hostsOf(plan)));
        assertEquals(1, plan.unplaced());
        assertEquals(List.of("DistinctInstance", "DistinctInstance", "DistinctInstance"),
                plan.failures().stream().map(Rejection::reason).toList());
    }

    @Test
    void memberOfKeepsTasksOnMatchingHostsAndSaysWhyOthersWereRejected() {
        List<HostSnapshot> hosts = List.of(host("i-t2", "a", "t2.small", 4096, 8192), host("i-m5", "a", "m5.large", 4096, 8192));
        PlacementPlan plan = engine.plan(hosts, request(task(128, 128), 2,
                List.of(PlacementConstraint.of("placementConstraints[0]", "memberOf", "attribute:ecs.instance-type =~ t2.*"))));
        assertEquals(List.of("i-t2", "i-t2"), hostsOf(plan));
        Rejection why = plan.placements().get(0).passedOver().get(0);
        assertEquals(new Rejection("i-m5", "MissingAttribute", "does not match memberOf(attribute:ecs.instance-type =~ t2.*)"), why);
    }

    @Test
    void eachFailureReasonOfEcs() {
        HostSnapshot lowCpu = host("i-cpu", "a", "t2", 64, 8192);
        HostSnapshot lowMemory = host("i-memory", "a", "t2", 4096, 64);
        HostSnapshot portTaken = with(host("i-ports", "a", "t2", 4096, 8192), Set.of("tcp/80"), Map.of());
        HostSnapshot disconnected = new HostSnapshot("i-agent", true, false, "1.0.0", null, Map.of(), 4096, 8192, 4096, 8192, Set.of(), Map.of());
        HostSnapshot draining = new HostSnapshot("i-draining", false, true, "1.0.0", null, Map.of(), 4096, 8192, 4096, 8192, Set.of(), Map.of());
        TaskDemand web = new TaskDemand(128, 128, List.of(new TaskDemand.PortDemand(80, "tcp")), "service:web");
        PlacementPlan plan = engine.plan(List.of(lowCpu, lowMemory, portTaken, disconnected, draining),
                new PlacementRequest(web, 1, List.of(), List.of(), 1, false));
        assertFalse(plan.complete());
        Map<String, String> reasons = new HashMap<>();
        plan.failures().forEach(r -> reasons.put(r.instanceId(), r.reason()));
        assertEquals(Map.of("i-cpu", "RESOURCE:CPU", "i-memory", "RESOURCE:MEMORY", "i-ports", "RESOURCE:PORTS",
                "i-agent", "AGENT", "i-draining", "INACTIVE"), reasons);
    }

    @Test
    void staticPortsBlockASecondTaskAndDynamicPortsComeFromEcsRange() {
        HostSnapshot h = with(host("i-1", "a", "t2", 4096, 8192), Set.of("tcp/49153"), Map.of());
        TaskDemand web = new TaskDemand(128, 128, List.of(new TaskDemand.PortDemand(8080, "tcp"),
                new TaskDemand.PortDemand(0, "tcp"), new TaskDemand.PortDemand(0, "udp")), "service:web");
        PlacementPlan plan = engine.plan(List.of(h), new PlacementRequest(web, 2, List.of(), List.of(), 1, true));
        assertEquals(List.of(8080, 49154, 49153), plan.placements().get(0).hostPorts());
        assertEquals(1, plan.unplaced());
        assertEquals("RESOURCE:PORTS", plan.failures().get(0).reason());
        assertEquals("host port tcp/8080 is taken", plan.failures().get(0).detail());
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        List<HostSnapshot> hosts = IntStream.range(0, 20).mapToObj(i -> host("i-" + i, "z" + (i % 3), "t2", 4096, 8192)).toList();
        List<HostSnapshot> shuffled = new ArrayList<>(hosts);
        Collections.shuffle(shuffled, new java.util.Random(1));
        PlacementRequest random = new PlacementRequest(task(128, 128), 10, List.of(), List.of(new PlacementStrategy.Random()), 7, false);
        assertEquals(hostsOf(engine.plan(hosts, random)), hostsOf(engine.plan(shuffled, random)));
        PlacementRequest otherSeed = new PlacementRequest(task(128, 128), 10, List.of(), List.of(new PlacementStrategy.Random()), 8, false);
        assertFalse(hostsOf(engine.plan(hosts, random)).equals(hostsOf(engine.plan(hosts, otherSeed))));
    }

    @Test
    void planningOnAClusterStateLeavesItAsItWasAndExplainingChangesNoChoice() {
        List<HostSnapshot> hosts = IntStream.range(0, 30).mapToObj(i -> with(host("i-" + i, "z" + (i % 3), i % 2 == 0 ? "t2" : "m5",
                1024 + 128 * i, 8192 - 200 * i), Set.of(i % 4 == 0 ? "tcp/80" : "tcp/81"), Map.of("service:web", i % 5))).toList();
        ClusterState cluster = ClusterState.of(hosts);
        TaskDemand web = new TaskDemand(512, 1024, List.of(new TaskDemand.PortDemand(80, "tcp"),
                new TaskDemand.PortDemand(0, "tcp")), "service:web");
        List<PlacementConstraint> constraints = List.of(PlacementConstraint.of("placementConstraints[0]", "memberOf", "attribute:ecs.instance-type == t2"),
                PlacementConstraint.of("placementConstraints[0]", "memberOf", "not(task:group == service:web) or runningTasksCount < 3"));
        List<PlacementStrategy> strategies = List.of(PlacementStrategy.of("placementStrategy[0]", "spread", "attribute:ecs.availability-zone"),
                PlacementStrategy.of("placementStrategy[0]", "binpack", "memory"));
        PlacementPlan quick = engine.plan(cluster, new PlacementRequest(web, 8, constraints, strategies, 3, false));
        PlacementPlan again = engine.plan(cluster, new PlacementRequest(web, 8, constraints, strategies, 3, false));
        PlacementPlan explained = engine.plan(hosts, new PlacementRequest(web, 8, constraints, strategies, 3, true));
        assertEquals(hostsOf(quick), hostsOf(again));
        assertEquals(hostsOf(quick), hostsOf(explained));
        assertEquals(quick.unplaced(), explained.unplaced());
        assertEquals(quick.failures(), explained.failures());
        assertTrue(quick.placements().size() > 0 && hostsOf(quick).stream()
                .allMatch(h -> Integer.parseInt(h.substring(2)) % 2 == 0 && Integer.parseInt(h.substring(2)) % 4 != 0));
    }

    @Test
    void aQueryOnTaskGroupsSeesTheTasksPlacedEarlierInThePlan() {
        List<HostSnapshot> hosts = List.of(host("i-1", "a", "t2", 4096, 8192), host("i-2", "a", "t2", 4096, 8192));
        PlacementPlan plan = engine.plan(hosts, new PlacementRequest(task(128, 128), 3,
                List.of(PlacementConstraint.of("placementConstraints[0]", "memberOf", "not(task:group == service:web)")), List.of(), 5, false));
        assertEquals(Set.of("i-1", "i-2"), Set.copyOf(hostsOf(plan).subList(0, 2)));
        assertEquals(1, plan.unplaced());
        assertEquals(List.of("MissingAttribute", "MissingAttribute"), plan.failures().stream().map(Rejection::reason).toList());
    }

    /** A host as Berth's agent reports it: {@code berth.*} attributes, none under ECS's names. */
    private static HostSnapshot berthHost(String id, String zone, String type, int memory) {
        return new HostSnapshot(id, true, true, "1.0.0", Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("berth.availability-zone", zone, "berth.instance-type", type, "berth.os-type", "linux",
                        "berth.cpu-architecture", "amd64"), 4096, 8192, 4096, memory, Set.of(), Map.of());
    }

    @Test
    void ecsBuiltInAttributeNamesReadBerthsInStrategiesAndConstraints() {
        List<HostSnapshot> hosts = List.of(berthHost("i-a", "zone-a", "t3.small", 2048),
                berthHost("i-b", "zone-b", "t3.small", 8192), berthHost("i-c", "zone-c", "m5.large", 1024));
        PlacementPlan plan = engine.plan(hosts, request(task(128, 128), 4,
                List.of(PlacementConstraint.of("placementConstraints[0]", "memberOf", "attribute:ecs.instance-type == t3.small and "
                        + "attribute:ecs.os-type == linux and attribute:ecs.cpu-architecture == x86_64 "
                        + "and attribute:berth.cpu-architecture == amd64")),
                PlacementStrategy.of("placementStrategy[0]", "spread", "attribute:ecs.availability-zone"), PlacementStrategy.of("placementStrategy[0]", "binpack", "memory")));
        assertEquals(Map.of("i-a", 2L, "i-b", 2L), hostsOf(plan).stream()
                .collect(Collectors.groupingBy(h -> h, Collectors.counting())), "spread over zones a and b, not c");
        assertTrue(plan.placements().get(1).passedOver().stream().anyMatch(r -> r.instanceId().equals("i-a")
                && r.detail().equals("spread(attribute:ecs.availability-zone) preferred 0 tasks of service:web in its "
                + "ecs.availability-zone to this host's 1")), plan.placements().get(1).passedOver().toString());
        assertEquals(List.of(), plan.missingAttributes());
    }

    @Test
    void anAdminsAttributeUnderAnEcsNameCountsOnHostsWithoutBerthsOwn() {
        HostSnapshot custom = new HostSnapshot("i-custom", true, true, "1.0.0", null, Map.of("ecs.instance-type", "x1"),
                4096, 8192, 4096, 8192, Set.of(), Map.of());
        PlacementPlan plan = engine.plan(List.of(custom, berthHost("i-berth", "zone-a", "x1", 8192)), request(task(128, 128), 2,
                List.of(PlacementConstraint.of("placementConstraints[0]", "memberOf", "attribute:ecs.instance-type == x1")), PlacementStrategy.of("placementStrategy[0]", "spread", "host")));
        assertEquals(Set.of("i-custom", "i-berth"), Set.copyOf(hostsOf(plan)));
    }

    @Test
    void aStrategyOrConstraintNamingAnAttributeNoHostHasIsInThePlan() {
        List<HostSnapshot> hosts = List.of(berthHost("i-a", "zone-a", "t3.small", 8192), berthHost("i-b", "zone-b", "t3.small", 8192));
        List<PlacementConstraint> constraints = List.of(
                PlacementConstraint.of("placementConstraints[0]", "memberOf", "attribute:ecs.instance-type == t3.small or attribute:stack != prod"));
        PlacementPlan plan = engine.plan(hosts, request(task(128, 128), 2, constraints,
                PlacementStrategy.of("placementStrategy[0]", "spread", "attribute:ecs.availability-zone"), PlacementStrategy.of("placementStrategy[0]", "spread", "attribute:zone")));
        assertEquals(List.of(
                        "placement strategy spread(attribute:zone) names the attribute zone, which no container instance in the cluster has",
                        "placement constraint memberOf(attribute:ecs.instance-type == t3.small or attribute:stack != prod) names "
                                + "the attribute stack, which no container instance in the cluster has"),
                plan.missingAttributes().stream().map(MissingAttribute::message).toList());
        assertEquals(plan.missingAttributes(), engine.plan(hosts, new PlacementRequest(task(128, 1 << 20), 1, constraints,
                List.of(PlacementStrategy.of("placementStrategy[0]", "spread", "attribute:zone")), 1, false)).missingAttributes(), "said when nothing fits too");
        assertEquals(List.of(), engine.plan(List.of(), request(task(128, 128), 1, constraints,
                PlacementStrategy.of("placementStrategy[0]", "spread", "attribute:zone"))).missingAttributes(), "not for a cluster without hosts");
    }

    @Test
    void limitsAndBadStrategiesOrConstraintsAreNamed() {
        List<PlacementStrategy> six = Collections.nCopies(6, new PlacementStrategy.Random());
        IllegalArgumentException strategies = assertThrows(IllegalArgumentException.class,
                () -> new PlacementRequest(task(1, 1), 1, List.of(), six, 1, false));
        assertTrue(strategies.getMessage().startsWith("placementStrategy: at most 5"), strategies.getMessage());
        List<PlacementConstraint> eleven = Collections.nCopies(11, new PlacementConstraint.DistinctInstance());
        IllegalArgumentException constraints = assertThrows(IllegalArgumentException.class,
                () -> new PlacementRequest(task(1, 1), 1, eleven, List.of(), 1, false));
        assertTrue(constraints.getMessage().startsWith("placementConstraints: at most 10"), constraints.getMessage());
        assertThrows(InvalidInputException.class, () -> PlacementStrategy.of("placementStrategy[0]", "binpack", "disk"));
        assertThrows(InvalidInputException.class, () -> PlacementStrategy.of("placementStrategy[0]", "binpack", null));
        assertThrows(InvalidInputException.class, () -> PlacementStrategy.of("placementStrategy[0]", "spread", "zone"));
        assertThrows(InvalidInputException.class, () -> PlacementStrategy.of("placementStrategy[0]", "random", "cpu"));
        assertThrows(InvalidInputException.class, () -> PlacementStrategy.of("placementStrategy[0]", "closest", null));
        assertThrows(InvalidInputException.class, () -> PlacementConstraint.of("placementConstraints[0]", "memberOf", " "));
        assertThrows(InvalidInputException.class, () -> PlacementConstraint.of("placementConstraints[0]", "distinctInstance", "attribute:a exists"));
        assertThrows(InvalidInputException.class, () -> PlacementConstraint.of("placementConstraints[0]", "memberOf", "attribute:a =="));
    }
}
