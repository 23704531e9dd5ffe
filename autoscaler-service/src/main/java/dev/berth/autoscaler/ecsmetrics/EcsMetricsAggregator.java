package dev.berth.autoscaler.ecsmetrics;

import dev.berth.autoscaler.metrics.StandardUnit;
import dev.berth.autoscaler.ecsmetrics.EcsDatapoint.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one window of the agents' per-task samples and the cluster's state into the datapoints
 * ECS publishes for the window: {@code AWS/ECS} utilization and reservation, and
 * {@code ECS/ContainerInsights} raw sums and counts. A window is one minute as in AWS, or shorter
 * (10 s) for Berth's high-resolution option; the datapoints are stamped with the window's start.
 *
 * <p>The rules, as AWS publishes them:
 * <ul>
 * <li>Service utilization = Σ used ÷ Σ reserved of the service's tasks × 100
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html). Berth decides:
 * a task reserving no memory (task definitions always reserve some, but samples may say 0) is
 * left out of its service's memory utilization, used and reserved alike, and counts in every sum; a task reserving no cpu counts one core (the agent's rule).</li>
 * <li>Cluster utilization = Σ used by the cluster's tasks ÷ Σ registered by its ACTIVE and DRAINING
 * container instances × 100, and reservation = Σ reserved ÷ the same registered total × 100
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster_utilization.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html).</li>
 * <li>Metrics exist only for resources with RUNNING tasks: a cluster or service with none gets no
 * {@code AWS/ECS} datapoint for the window (available-metrics.html), so an alarm on it goes to
 * INSUFFICIENT_DATA rather than reading 0.</li>
 * <li>Container Insights: CpuUtilized, CpuReserved (unit None), MemoryUtilized, MemoryReserved
 * (Megabytes) per {ClusterName}, {ClusterName, ServiceName} and {ClusterName, TaskDefinitionFamily};
 * Running/Pending/DesiredTaskCount and DeploymentCount per service; TaskCount, ServiceCount and
 * ContainerInstanceCount per cluster (unit Count)
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html).</li>
 * </ul>
 */
public final class EcsMetricsAggregator {

    public static final String AWS_ECS = "AWS/ECS";
    public static final String CONTAINER_INSIGHTS = "ECS/ContainerInsights";
    /** AWS's period for ECS metrics. */
    public static final Duration STANDARD_WINDOW = Duration.ofMinutes(1);
    /** Berth's high-resolution option: a breach is seen within one 10 s window. */
    public static final Duration HIGH_RESOLUTION_WINDOW = Duration.ofSeconds(10);

    private static final String CLUSTER_NAME = "ClusterName";
    private static final String SERVICE_NAME = "ServiceName";
    private static final String TASK_DEFINITION_FAMILY = "TaskDefinitionFamily";

    private final Duration window;

    /**
     * @param window the length of a window: whole seconds that divide a minute, or whole minutes, so
     *               that windows line up with CloudWatch's period boundaries
     */
    public EcsMetricsAggregator(Duration window) {
        long seconds = window.getSeconds();
        if (window.getNano() != 0 || seconds <= 0 || (60 % seconds != 0 && seconds % 60 != 0)) {
            throw new IllegalArgumentException("a window is whole seconds dividing a minute, or whole minutes: " + window);
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * The datapoints of the window that starts at {@code windowStart}. Samples of other clusters,
     * outside the window or of tasks that are not RUNNING are left out.
     *
     * @throws IllegalArgumentException when {@code windowStart} is not on a window boundary
     */
    public List<EcsDatapoint> aggregate(Instant windowStart, ClusterState cluster, List<TaskSample> samples) {
        if (windowStart.getNano() != 0 || windowStart.getEpochSecond() % window.getSeconds() != 0) {
            throw new IllegalArgumentException("a window starts on a multiple of " + window + ": " + windowStart);
        }
        Map<String, TaskUsage> tasks = taskAverages(windowStart, cluster, samples);
        Usage clusterUsage = Usage.NONE;
        Map<String, Usage> byService = new TreeMap<>();
        Map<String, Usage> byFamily = new TreeMap<>();
        for (TaskUsage task : tasks.values()) {
            clusterUsage = clusterUsage.plus(task.usage());
            if (task.serviceName() != null) {
                byService.merge(task.serviceName(), task.usage(), Usage::plus);
            }
            byFamily.merge(task.family(), task.usage(), Usage::plus);
        }
        HostTotals hosts = HostTotals.of(cluster.hosts());

        Points points = new Points(windowStart, cluster.clusterName());
        if (!tasks.isEmpty()) {
            points.add(AWS_ECS, "CPUUtilization", Map.of(), percent(clusterUsage.cpuUtilized(), hosts.registeredCpu()),
                    StandardUnit.PERCENT);
            points.add(AWS_ECS, "MemoryUtilization", Map.of(),
                    percent(clusterUsage.memoryUtilized(), hosts.registeredMemory()), StandardUnit.PERCENT);
            points.add(AWS_ECS, "CPUReservation", Map.of(), percent(hosts.reservedCpu(), hosts.registeredCpu()),
                    StandardUnit.PERCENT);
            points.add(AWS_ECS, "MemoryReservation", Map.of(),
                    percent(hosts.reservedMemory(), hosts.registeredMemory()), StandardUnit.PERCENT);
            byService.forEach((service, usage) -> {
                Map<String, String> dims = Map.of(SERVICE_NAME, service);
                points.add(AWS_ECS, "CPUUtilization", dims, percent(usage.cpuUtilized(), usage.cpuReserved()),
                        StandardUnit.PERCENT);
                points.add(AWS_ECS, "MemoryUtilization", dims,
                        percent(usage.memoryUtilizedByReserving(), usage.memoryReserved()), StandardUnit.PERCENT);
            });

            points.addInsightsUsage(Map.of(), clusterUsage);
            byService.forEach((service, usage) -> points.addInsightsUsage(Map.of(SERVICE_NAME, service), usage));
            byFamily.forEach((family, usage) -> points.addInsightsUsage(Map.of(TASK_DEFINITION_FAMILY, family), usage));
        }
        for (ServiceState service : cluster.services()) {
            Map<String, String> dims = Map.of(SERVICE_NAME, service.serviceName());
            points.add(CONTAINER_INSIGHTS, "RunningTaskCount", dims, service.runningCount(), StandardUnit.COUNT);
            points.add(CONTAINER_INSIGHTS, "PendingTaskCount", dims, service.pendingCount(), StandardUnit.COUNT);
            points.add(CONTAINER_INSIGHTS, "DesiredTaskCount", dims, service.desiredCount(), StandardUnit.COUNT);
            points.add(CONTAINER_INSIGHTS, "DeploymentCount", dims, service.deploymentCount(), StandardUnit.COUNT);
        }
        points.add(CONTAINER_INSIGHTS, "TaskCount", Map.of(), cluster.runningTaskIds().size(), StandardUnit.COUNT);
        points.add(CONTAINER_INSIGHTS, "ServiceCount", Map.of(), cluster.services().size(), StandardUnit.COUNT);
        points.add(CONTAINER_INSIGHTS, "ContainerInstanceCount", Map.of(), hosts.count(), StandardUnit.COUNT);
        return points.all();
    }

    /**
     * Each RUNNING task's samples of the window averaged into one (agents sample every 10 s, so a
     * minute holds about six per task): a task sampled more often must not weigh more in the sums
     * than one sampled less often. AWS does the same: ECS "collects multiple data points every
     * minute" and aggregates them to one before publishing (available-metrics.html).
     */
    private Map<String, TaskUsage> taskAverages(Instant windowStart, ClusterState cluster, List<TaskSample> samples) {
        Instant end = windowStart.plus(window);
        Map<String, List<TaskSample>> byTask = new LinkedHashMap<>();
        for (TaskSample sample : samples) {
            if (sample.clusterName().equals(cluster.clusterName()) && cluster.runningTaskIds().contains(sample.taskId())
                    && !sample.at().isBefore(windowStart) && sample.at().isBefore(end)) {
                byTask.computeIfAbsent(sample.taskId(), id -> new ArrayList<>()).add(sample);
            }
        }
        Map<String, TaskUsage> tasks = new TreeMap<>();
        byTask.forEach((taskId, taskSamples) -> {
            double cpuUtilized = 0;
            double cpuReserved = 0;
            double memoryUtilized = 0;
            double memoryReserved = 0;
            for (TaskSample sample : taskSamples) {
                cpuUtilized += sample.cpuUtilized();
                cpuReserved += sample.cpuReserved();
                memoryUtilized += sample.memoryUtilized();
                memoryReserved += sample.memoryReserved();
            }
            int n = taskSamples.size();
            TaskSample first = taskSamples.get(0);
            tasks.put(taskId, new TaskUsage(first.serviceName(), first.taskDefinitionFamily(),
                    Usage.ofTask(cpuUtilized / n, cpuReserved / n, memoryUtilized / n, memoryReserved / n)));
        });
        return tasks;
    }

    /** used ÷ total × 100; NaN (no datapoint) when nothing is there to divide by. */
    private static double percent(double used, double total) {
        return total > 0 ? used / total * 100.0 : Double.NaN;
    }

    /**
     * @param memoryUtilizedByReserving the memory used by the tasks that reserve some: a task
     *                                  reserving none is left out of a service's memory utilization,
     *                                  where it has nothing to be measured against
     */
    private record Usage(double cpuUtilized, double cpuReserved, double memoryUtilized, double memoryReserved,
                         double memoryUtilizedByReserving) {

        static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        static Usage ofTask(double cpuUtilized, double cpuReserved, double memoryUtilized, double memoryReserved) {
            return new Usage(cpuUtilized, cpuReserved, memoryUtilized, memoryReserved,
                    memoryReserved > 0 ? memoryUtilized : 0);
        }

        Usage plus(Usage other) {
            return new Usage(cpuUtilized + other.cpuUtilized, cpuReserved + other.cpuReserved,
                    memoryUtilized + other.memoryUtilized, memoryReserved + other.memoryReserved,
                    memoryUtilizedByReserving + other.memoryUtilizedByReserving);
        }
    }

    private record TaskUsage(String serviceName, String family, Usage usage) {
    }

    /** Registered and reserved capacity of the ACTIVE and DRAINING hosts, and how many they are. */
    private record HostTotals(long registeredCpu, long registeredMemory, long reservedCpu, long reservedMemory,
                              int count) {

        static HostTotals of(List<HostCapacity> hosts) {
            long registeredCpu = 0;
            long registeredMemory = 0;
            long reservedCpu = 0;
            long reservedMemory = 0;
            int count = 0;
            for (HostCapacity host : hosts) {
                if (host.status().counts()) {
                    registeredCpu += host.registeredCpu();
                    registeredMemory += host.registeredMemory();
                    reservedCpu += host.reservedCpu();
                    reservedMemory += host.reservedMemory();
                    count++;
                }
            }
            return new HostTotals(registeredCpu, registeredMemory, reservedCpu, reservedMemory, count);
        }
    }

    /** The window's datapoints, each with ClusterName first and the other dimensions after it. */
    private static final class Points {

        private final Instant timestamp;
        private final String clusterName;
        private final List<EcsDatapoint> all = new ArrayList<>();

        Points(Instant timestamp, String clusterName) {
            this.timestamp = timestamp;
            this.clusterName = clusterName;
        }

        void add(String namespace, String name, Map<String, String> moreDimensions, double value, StandardUnit unit) {
            if (Double.isNaN(value)) {
                return;
            }
            List<Dimension> dimensions = new ArrayList<>();
            dimensions.add(new Dimension(CLUSTER_NAME, clusterName));
            moreDimensions.forEach((n, v) -> dimensions.add(new Dimension(n, v)));
            all.add(new EcsDatapoint(namespace, name, dimensions, value, unit, timestamp));
        }

        void addInsightsUsage(Map<String, String> moreDimensions, Usage usage) {
            add(CONTAINER_INSIGHTS, "CpuUtilized", moreDimensions, usage.cpuUtilized(), StandardUnit.NONE);
            add(CONTAINER_INSIGHTS, "CpuReserved", moreDimensions, usage.cpuReserved(), StandardUnit.NONE);
            add(CONTAINER_INSIGHTS, "MemoryUtilized", moreDimensions, usage.memoryUtilized(), StandardUnit.MEGABYTES);
            add(CONTAINER_INSIGHTS, "MemoryReserved", moreDimensions, usage.memoryReserved(), StandardUnit.MEGABYTES);
        }

        List<EcsDatapoint> all() {
            return List.copyOf(all);
        }
    }
}
