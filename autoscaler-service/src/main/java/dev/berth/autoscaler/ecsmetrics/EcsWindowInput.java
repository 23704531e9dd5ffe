package dev.berth.autoscaler.ecsmetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the aggregator needs for one window, per tenant and cluster, built from the stored tasks,
 * hosts and samples.
 *
 * <ul>
 * <li>A task counts as RUNNING in the window when it was RUNNING at some time in it (it became
 * RUNNING before the window's end and had not left RUNNING at its start): its samples of the window
 * count even when it stopped before the window closed.</li>
 * <li>Service counts, Berth decides (the task and host events carry no service's desiredCount):
 * runningCount = its RUNNING tasks, pendingCount = its PROVISIONING/PENDING/ACTIVATING tasks,
 * desiredCount = the two together (the tasks the scheduler keeps for the service), deploymentCount =
 * the distinct task definitions among them. A service with none of these is not listed.</li>
 * </ul>
 */
public final class EcsWindowInput {

    /** One tenant's cluster. */
    public record TenantCluster(String tenant, String clusterName) {

        public TenantCluster {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(clusterName, "clusterName");
        }
    }

    /** A task as stored, with its tenant. */
    public record Task(TenantCluster cluster, String taskId, String serviceName, String taskDefinitionArn,
                       String lastStatus, Instant runningSince, Instant runningUntil) {
    }

    /** The aggregator's arguments for one cluster. */
    public record ClusterWindow(TenantCluster cluster, ClusterState state, List<TaskSample> samples) {
    }

    private EcsWindowInput() {
    }

    public static List<ClusterWindow> of(Instant windowStart, Instant windowEnd, List<Task> tasks,
                                         Map<TenantCluster, List<HostCapacity>> hosts,
                                         Map<TenantCluster, List<TaskSample>> samples) {
        Map<TenantCluster, List<Task>> tasksByCluster = new HashMap<>();
        tasks.forEach(t -> tasksByCluster.computeIfAbsent(t.cluster(), c -> new ArrayList<>()).add(t));
        Set<TenantCluster> clusters = new HashSet<>(tasksByCluster.keySet());
        clusters.addAll(hosts.keySet());
        Map<TenantCluster, ClusterWindow> windows = new TreeMap<>(
                java.util.Comparator.comparing(TenantCluster::tenant).thenComparing(TenantCluster::clusterName));
        for (TenantCluster cluster : clusters) {
            List<Task> clusterTasks = tasksByCluster.getOrDefault(cluster, List.of());
            Set<String> running = new HashSet<>();
            Map<String, ServiceCounter> services = new LinkedHashMap<>();
            for (Task task : clusterTasks) {
                if (wasRunningIn(task, windowStart, windowEnd)) {
                    running.add(task.taskId());
                }
                if (task.serviceName() != null) {
                    ServiceCounter counter = services.computeIfAbsent(task.serviceName(), n -> new ServiceCounter());
                    if (TaskLifecycle.RUNNING.equals(task.lastStatus())) {
                        counter.running++;
                        counter.definitions.add(task.taskDefinitionArn());
                    } else if (TaskLifecycle.isPending(task.lastStatus())) {
                        counter.pending++;
                        counter.definitions.add(task.taskDefinitionArn());
                    }
                }
            }
            List<ServiceState> serviceStates = new ArrayList<>();
            new TreeMap<>(services).forEach((name, c) -> {
                if (c.running + c.pending > 0) {
                    serviceStates.add(new ServiceState(name, c.running + c.pending, c.running, c.pending,
                            c.definitions.size()));
                }
            });
            ClusterState state = new ClusterState(cluster.clusterName(), hosts.getOrDefault(cluster, List.of()),
                    serviceStates, running);
            windows.put(cluster, new ClusterWindow(cluster, state, samples.getOrDefault(cluster, List.of())));
        }
        return List.copyOf(windows.values());
    }

    static boolean wasRunningIn(Task task, Instant windowStart, Instant windowEnd) {
        return task.runningSince() != null && task.runningSince().isBefore(windowEnd)
                && (task.runningUntil() == null || task.runningUntil().isAfter(windowStart));
    }

    private static final class ServiceCounter {
        int running;
        int pending;
        final Set<String> definitions = new HashSet<>();
    }
}
