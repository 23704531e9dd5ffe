package dev.berth.benchmarks;

import dev.berth.scheduler.placement.ClusterState;
import dev.berth.scheduler.placement.HostSnapshot;
import dev.berth.scheduler.placement.PlacementConstraint;
import dev.berth.scheduler.placement.PlacementEngine;
import dev.berth.scheduler.placement.PlacementPlan;
import dev.berth.scheduler.placement.PlacementRequest;
import dev.berth.scheduler.placement.PlacementStrategy;
import dev.berth.scheduler.placement.TaskDemand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Placement decisions per second: one task placed on a cluster of 100, 1,000 or 5,000 hosts in
 * three availability zones and four instance types, partly filled, for each strategy mix the
 * issue names. One operation = one decision (the plan of one task) on the cluster's state as a
 * scheduler keeps it; {@code binpackMemoryFromSnapshots} also builds that state from the host
 * snapshots first, as a scheduler that reads the cluster for every decision would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:UseAVX=2"})
public class PlacementBenchmark {

    @Param({"100", "1000", "5000"})
    int hosts;

    private final PlacementEngine engine = new PlacementEngine();
    private List<HostSnapshot> snapshots;
    private ClusterState cluster;
    private PlacementRequest binpack;
    private PlacementRequest spreadThenBinpack;
    private PlacementRequest memberOf;

    @Setup
    public void cluster() {
        Random random = new Random(1);
        String[] zones = {"zone-a", "zone-b", "zone-c"};
        String[] types = {"t2.small", "t2.large", "m5.large", "c5.xlarge"};
        snapshots = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            snapshots.add(new HostSnapshot(String.format("i-%06d", i), true, true, "1.0.0", Instant.EPOCH,
                    Map.of("ecs.availability-zone", zones[i % 3], "ecs.instance-type", types[i % 4]),
                    4096, 8192, 256 + random.nextInt(3840), 512 + random.nextInt(7680), Set.of(),
                    Map.of("service:web", random.nextInt(4))));
        }
        cluster = ClusterState.of(snapshots);
        TaskDemand task = new TaskDemand(256, 512, List.of(), "service:web");
        binpack = new PlacementRequest(task, 1, List.of(), List.of(PlacementStrategy.of("placementStrategy", "binpack", "memory")), 7, false);
        spreadThenBinpack = new PlacementRequest(task, 1, List.of(), List.of(
                PlacementStrategy.of("placementStrategy", "spread", "attribute:ecs.availability-zone"), PlacementStrategy.of("placementStrategy", "binpack", "memory")),
                7, false);
        memberOf = new PlacementRequest(task, 1,
                List.of(PlacementConstraint.of("placementConstraints", "memberOf", "attribute:ecs.instance-type =~ t2.*")),
                List.of(PlacementStrategy.of("placementStrategy", "binpack", "memory")), 7, false);
    }

    @Benchmark
    public PlacementPlan binpackMemory() {
        return engine.plan(cluster, binpack);
    }

    @Benchmark
    public PlacementPlan binpackMemoryFromSnapshots() {
        return engine.plan(snapshots, binpack);
    }

    @Benchmark
    public PlacementPlan spreadZoneThenBinpackMemory() {
        return engine.plan(cluster, spreadThenBinpack);
    }

    @Benchmark
    public PlacementPlan memberOfThenBinpackMemory() {
        return engine.plan(cluster, memberOf);
    }
}
