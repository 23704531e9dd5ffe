package dev.berth.agent.metrics;

import dev.berth.agent.engine.ContainerEngine;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.tasks.ContainerPlan;
import dev.berth.agent.tasks.TaskPlan;
import dev.berth.agent.tasks.TaskRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every period: each running task's and container's cpu (% of its reserved cpu units, from the
 * cgroup's cumulative cpu time since the last sample) and memory (MiB, and % of reserved memory),
 * plus the host's totals, as data points in the {@code Berth/ECS} namespace.
 */
public final class MetricsReporter implements Runnable {

    public static final String NAMESPACE = "Berth/ECS";
    /** Units of one core; a container with no cpu reserved is measured against one core. */
    private static final int CORE = 1024;
    private static final double MIB = 1024.0 * 1024.0;

    private record Sample(long cpuNanos, long atNanos) {
    }

    private final ContainerEngine engine;
    private final Supplier<List<TaskRun>> runs;
    private final Consumer<List<AgentMessage.Datapoint>> sink;
    private final String cluster;
    private final String hostId;
    private final Map<String, Sample> previous = new HashMap<>();

    public MetricsReporter(ContainerEngine engine, Supplier<List<TaskRun>> runs,
                           Consumer<List<AgentMessage.Datapoint>> sink, String cluster, String hostId) {
        this.engine = engine;
        this.runs = runs;
        this.sink = sink;
        this.cluster = cluster;
        this.hostId = hostId;
    }

    @Override
    public synchronized void run() {
        Instant now = Instant.now();
        List<AgentMessage.Datapoint> points = new ArrayList<>();
        Map<String, Sample> seen = new HashMap<>();
        double hostCpuUnits = 0;
        double hostMemory = 0;
        List<String> running = new ArrayList<>();
        for (TaskRun run : runs.get()) {
            if ("RUNNING".equals(run.lastStatus())) {
                running.addAll(run.containerIds().values());
            }
        }
        Map<String, ContainerEngine.Usage> usages = engine.usage(running);
        for (TaskRun run : runs.get()) {
            if (!"RUNNING".equals(run.lastStatus())) {
                continue;
            }
            TaskPlan plan = run.plan();
            double taskCpuUnits = 0;
            double taskMemory = 0;
            Map<String, String> ids = run.containerIds();
            for (ContainerPlan container : plan.containers()) {
                String id = ids.get(container.name());
                Optional<ContainerEngine.Usage> usage = Optional.ofNullable(id == null ? null : usages.get(id));
                if (usage.isEmpty()) {
                    continue;
                }
                long nanos = System.nanoTime();
                Sample sample = new Sample(usage.get().cpuNanos(), nanos);
                seen.put(id, sample);
                Sample before = previous.get(id);
                double cpuUnits = before == null || nanos == before.atNanos() ? 0
                        : (double) Math.max(0, sample.cpuNanos() - before.cpuNanos()) / (nanos - before.atNanos()) * CORE;
                double memoryMiB = usage.get().memoryBytes() / MIB;
                taskCpuUnits += cpuUnits;
                taskMemory += memoryMiB;
                Map<String, String> dims = dimensions(plan, container.name());
                points.add(point("CPUUtilization", dims, percent(cpuUnits, container.cpu() > 0 ? container.cpu() : CORE),
                        "Percent", now));
                points.add(point("MemoryUtilized", dims, memoryMiB, "Megabytes", now));
                if (container.memory() > 0) {
                    points.add(point("MemoryUtilization", dims, percent(memoryMiB, container.memory()), "Percent", now));
                }
            }
            Map<String, String> dims = dimensions(plan, null);
            points.add(point("CPUUtilization", dims, percent(taskCpuUnits, plan.cpu() > 0 ? plan.cpu() : CORE),
                    "Percent", now));
            points.add(point("MemoryUtilized", dims, taskMemory, "Megabytes", now));
            if (plan.memory() > 0) {
                points.add(point("MemoryUtilization", dims, percent(taskMemory, plan.memory()), "Percent", now));
            }
            hostCpuUnits += taskCpuUnits;
            hostMemory += taskMemory;
        }
        previous.clear();
        previous.putAll(seen);
        Map<String, String> host = Map.of("ClusterName", cluster, "ContainerInstanceId", hostId);
        points.add(point("CPUUtilized", host, hostCpuUnits, "None", now));
        points.add(point("MemoryUtilized", host, hostMemory, "Megabytes", now));
        sink.accept(points);
    }

    private Map<String, String> dimensions(TaskPlan plan, String container) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("ClusterName", cluster);
        if (plan.group() != null && plan.group().startsWith("service:")) {
            dims.put("ServiceName", plan.group().substring("service:".length()));
        }
        dims.put("TaskId", plan.taskId());
        if (container != null) {
            dims.put("ContainerName", container);
        }
        return dims;
    }

    private static double percent(double used, double reserved) {
        return Math.round(used / reserved * 10_000.0) / 100.0;
    }

    private static AgentMessage.Datapoint point(String name, Map<String, String> dims, double value, String unit,
                                                Instant at) {
        return new AgentMessage.Datapoint(NAMESPACE, name, dims, value, unit, at);
    }
}
