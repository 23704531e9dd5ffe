package dev.berth.benchmarks;

import dev.berth.scheduler.placement.HostSnapshot;
import dev.berth.scheduler.placement.PlacementEngine;
import dev.berth.scheduler.placement.PlacementPlan;
import dev.berth.scheduler.placement.PlacementRequest;
import dev.berth.scheduler.placement.PlacementStrategy;
import dev.berth.scheduler.placement.TaskDemand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How well binpack packs: a mixed workload placed one task at a time on identical empty hosts,
 * then the hosts used against the lower bound max(ceil(total memory / host memory),
 * ceil(total cpu / host cpu)). Run with bench/binpack-quality.sh [tasks] [seed].
 */
public final class BinpackQuality {

    private static final int HOST_CPU = 4096;
    private static final int HOST_MEMORY = 16384;

    /**
     * Task sizes (cpu, memory MiB, weight): web services, memory-heavy caches, cpu-heavy workers and a
     * few big jobs, in sizes that do not divide a host evenly, so that sometimes cpu and sometimes
     * memory fills a host first.
     */
    private static final int[][] MIX = {
            {256, 1024, 25}, {512, 700, 20}, {384, 1536, 15}, {1024, 3000, 10}, {768, 5000, 10}, {2048, 2500, 10},
            {128, 6000, 5}, {1536, 9000, 5}};

    private BinpackQuality() {
    }

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        List<TaskDemand> workload = workload(tasks, new Random(seed));
        System.out.printf("%d tasks, hosts of %d cpu / %d MiB, seed %d%n", tasks, HOST_CPU, HOST_MEMORY, seed);
        report("arrival order, binpack(memory)", workload, "memory");
        report("arrival order, binpack(cpu)", workload, "cpu");
        report("arrival order, binpack(cpuAndMemory)", workload, "cpuAndMemory");
        List<TaskDemand> largestFirst = new ArrayList<>(workload);
        largestFirst.sort(Comparator.comparingInt(TaskDemand::memory).thenComparingInt(TaskDemand::cpu).reversed());
        report("largest first, binpack(memory)", largestFirst, "memory");
    }

    private static void report(String name, List<TaskDemand> workload, String field) {
        long cpu = workload.stream().mapToLong(TaskDemand::cpu).sum();
        long memory = workload.stream().mapToLong(TaskDemand::memory).sum();
        long lowerBound = Math.max((memory + HOST_MEMORY - 1) / HOST_MEMORY, (cpu + HOST_CPU - 1) / HOST_CPU);
        int used = place(workload, field, (int) (lowerBound * 2));
        System.out.printf("%-40s hosts used %4d, lower bound %4d, ratio %.3f%n", name, used, lowerBound,
                (double) used / lowerBound);
    }

    /** Places every task on {@code hosts} empty hosts and returns how many hosts got at least one. */
    private static int place(List<TaskDemand> workload, String field, int hosts) {
        PlacementEngine engine = new PlacementEngine();
        List<HostSnapshot> cluster = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            cluster.add(host(String.format("h-%05d", i), HOST_CPU, HOST_MEMORY));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < cluster.size(); i++) {
            index.put(cluster.get(i).instanceId(), i);
        }
        boolean[] usedHosts = new boolean[hosts];
        for (TaskDemand task : workload) {
            PlacementPlan plan = engine.plan(cluster, new PlacementRequest(task, 1, List.of(),
                    List.of(PlacementStrategy.of("placementStrategy", "binpack", field)), 1, false));
            if (!plan.complete()) {
                throw new IllegalStateException("a task found no host; give more hosts");
            }
            int at = index.get(plan.placements().get(0).instanceId());
            HostSnapshot before = cluster.get(at);
            cluster.set(at, host(before.instanceId(), before.remainingCpu() - task.cpu(),
                    before.remainingMemory() - task.memory()));
            usedHosts[at] = true;
        }
        int used = 0;
        for (boolean u : usedHosts) {
            used += u ? 1 : 0;
        }
        return used;
    }

    private static HostSnapshot host(String id, int cpu, int memory) {
        return new HostSnapshot(id, true, true, "1.0.0", Instant.EPOCH, Map.of(), HOST_CPU, HOST_MEMORY, cpu, memory, Set.of(), Map.of());
    }

    private static List<TaskDemand> workload(int tasks, Random random) {
        int total = 0;
        for (int[] size : MIX) {
            total += size[2];
        }
        List<TaskDemand> workload = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int pick = random.nextInt(total);
            for (int[] size : MIX) {
                pick -= size[2];
                if (pick < 0) {
                    workload.add(new TaskDemand(size[0], size[1], List.of(), "service:mix"));
                    break;
                }
            }
        }
        Collections.shuffle(workload, random);
        return workload;
    }
}
