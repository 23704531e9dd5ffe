package dev.berth.agent.metrics;

import dev.berth.agent.engine.ContainerEngine;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.tasks.ContainerPlan;
import dev.berth.agent.tasks.TaskPlan;
import dev.berth.agent.tasks.TaskRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every period, as data points in the {@code Berth/ECS} namespace:
 * <ul>
 * <li>per running task and container: {@code CPUUtilization} (% of its reserved cpu units, from the
 * cgroup's cumulative cpu time since the last sample), {@code MemoryUtilized} (MiB) and
 * {@code MemoryUtilization} (% of its reserved memory, where it reserves some);</li>
 * <li>per running task, Container Insights' raw values, from which the autoscaler sums ECS's
 * cluster and service figures (used ÷ reserved over the RUNNING tasks): {@code CpuUtilized} and
 * {@code CpuReserved} (cpu units; a task reserving none counts one core, 1024) and
 * {@code MemoryReserved} (MiB; 0 when the task reserves none: it takes nothing from the host's
 * memory, and the autoscaler leaves such a task out of memory utilization), these three also
 * carrying the {@code TaskDefinitionFamily} dimension. They are left out of a task's first report,
 * whose cpu use is not known yet (it takes two readings of the cumulative counter): a 0 there would
 * pull the minute's average down;</li>
 * <li>per host ({@code ClusterName}, {@code ContainerInstanceId}): the tasks' {@code CPUUtilized}
 * (cpu units) and {@code MemoryUtilized} (MiB), the same as {@code CPUUtilization} and
 * {@code MemoryUtilization} in % of the capacity the host registered, and
 * {@code LoadAverage1Minute} from /proc/loadavg (none when it cannot be read).</li>
 * </ul>
 */
public final class MetricsReporter implements Runnable {

    public static final String NAMESPACE = "Berth/ECS";
    /** Units of one core; a container with no cpu reserved is measured against one core. */
    private static final int CORE = 1024;
    private static final double MIB = 1024.0 * 1024.0;
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private record Sample(long cpuNanos, long atNanos) {
    }

    private final ContainerEngine engine;
    private final Supplier<List<TaskRun>> runs;
    private final Consumer<List<AgentMessage.Datapoint>> sink;
    private final String cluster;
    private final String hostId;
    private final AgentMessage.Capacity capacity;
    private final Path loadavg;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final Map<String, Sample> previous = new HashMap<>();

    /** @param capacity what the host registered (the Hello's capacity) */
    public MetricsReporter(ContainerEngine engine, Supplier<List<TaskRun>> runs,
                           Consumer<List<AgentMessage.Datapoint>> sink, String cluster, String hostId,
                           AgentMessage.Capacity capacity) {
        this(engine, runs, sink, cluster, hostId, capacity, LOADAVG, System::nanoTime, Clock.systemUTC());
    }

    MetricsReporter(ContainerEngine engine, Supplier<List<TaskRun>> runs, Consumer<List<AgentMessage.Datapoint>> sink,
                    String cluster, String hostId, AgentMessage.Capacity capacity, Path loadavg, LongSupplier nanoTime,
                    Clock clock) {
        this.engine = engine;
        this.runs = runs;
        this.sink = sink;
        this.cluster = cluster;
        this.hostId = hostId;
        this.capacity = capacity;
        this.loadavg = loadavg;
        this.nanoTime = nanoTime;
        this.clock = clock;
    }

    @Override
    public synchronized void run() {
        Instant now = clock.instant();
        List<AgentMessage.Datapoint> points = new ArrayList<>();
        Map<String, Sample> seen = new HashMap<>();
        double hostCpuUnits = 0;
        double hostMemory = 0;
        List<TaskRun> running = new ArrayList<>();
        List<String> containerIds = new ArrayList<>();
        for (TaskRun run : runs.get()) {
            if ("RUNNING".equals(run.lastStatus())) {
                running.add(run);
                containerIds.addAll(run.containerIds().values());
            }
        }
        Map<String, ContainerEngine.Usage> usages = engine.usage(containerIds);
        for (TaskRun run : running) {
            TaskPlan plan = run.plan();
            double taskCpuUnits = 0;
            double taskMemory = 0;
            boolean cpuMeasured = true;
            Map<String, String> ids = run.containerIds();
            for (ContainerPlan container : plan.containers()) {
                String id = ids.get(container.name());
                Optional<ContainerEngine.Usage> usage = Optional.ofNullable(id == null ? null : usages.get(id));
                if (usage.isEmpty()) {
                    continue;
                }
                long nanos = nanoTime.getAsLong();
                Sample sample = new Sample(usage.get().cpuNanos(), nanos);
                seen.put(id, sample);
                Sample before = previous.get(id);
                cpuMeasured &= before != null && nanos != before.atNanos();
                double cpuUnits = before == null || nanos == before.atNanos() ? 0
                        : (double) Math.max(0, sample.cpuNanos() - before.cpuNanos()) / (nanos - before.atNanos()) * CORE;
                double memoryMiB = usage.get().memoryBytes() / MIB;
                taskCpuUnits += cpuUnits;
                taskMemory += memoryMiB;
                Map<String, String> dims = dimensions(plan, container.name());
                points.add(point("CPUUtilization", dims, percent(cpuUnits, container.cpu() > 0 ? container.cpu() : CORE),
                        "Percent", now));
                points.add(point("MemoryUtilized", dims, memoryMiB, "Megabytes", now));
                double containerMemory = TaskPlan.utilizationMemory(container);
                if (containerMemory > 0) {
                    points.add(point("MemoryUtilization", dims, percent(memoryMiB, containerMemory), "Percent", now));
                }
            }
            int cpuReserved = plan.utilizationCpu() > 0 ? plan.utilizationCpu() : CORE;
            double memoryReserved = plan.utilizationMemory();
            Map<String, String> dims = dimensions(plan, null);
            points.add(point("CPUUtilization", dims, percent(taskCpuUnits, cpuReserved), "Percent", now));
            points.add(point("MemoryUtilized", dims, taskMemory, "Megabytes", now));
            if (memoryReserved > 0) {
                points.add(point("MemoryUtilization", dims, percent(taskMemory, memoryReserved), "Percent", now));
            }
            if (cpuMeasured && !ids.isEmpty()) {
                Map<String, String> insights = new LinkedHashMap<>(dims);
                insights.put("TaskDefinitionFamily", plan.family());
                points.add(point("CpuUtilized", insights, taskCpuUnits, "None", now));
                points.add(point("CpuReserved", insights, cpuReserved, "None", now));
                points.add(point("MemoryReserved", insights, memoryReserved, "Megabytes", now));
            }
            hostCpuUnits += taskCpuUnits;
            hostMemory += taskMemory;
        }
        previous.clear();
        previous.putAll(seen);
        Map<String, String> host = Map.of("ClusterName", cluster, "ContainerInstanceId", hostId);
        points.add(point("CPUUtilized", host, hostCpuUnits, "None", now));
        points.add(point("MemoryUtilized", host, hostMemory, "Megabytes", now));
        if (capacity.cpu() > 0) {
            points.add(point("CPUUtilization", host, percent(hostCpuUnits, capacity.cpu()), "Percent", now));
        }
        if (capacity.memory() > 0) {
            points.add(point("MemoryUtilization", host, percent(hostMemory, capacity.memory()), "Percent", now));
        }
        OptionalDouble load = loadAverage(loadavg);
        if (load.isPresent()) {
            points.add(point("LoadAverage1Minute", host, load.getAsDouble(), "None", now));
        }
        sink.accept(points);
    }

    /** The first field of /proc/loadavg ("0.42 0.35 0.30 1/123 4567"); empty when unreadable. */
    static OptionalDouble loadAverage(Path file) {
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            double load = Double.parseDouble(fields[0]);
            return Double.isFinite(load) && load >= 0 ? OptionalDouble.of(load) : OptionalDouble.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
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
