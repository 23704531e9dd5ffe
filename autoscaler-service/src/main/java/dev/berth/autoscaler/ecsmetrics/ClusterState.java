package dev.berth.autoscaler.ecsmetrics;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the scheduler knows of one cluster at the end of a window.
 *
 * @param hosts          every host of the cluster, whatever its status
 * @param services       the cluster's ACTIVE services
 * @param runningTaskIds the ids of the tasks whose lastStatus is RUNNING; only their samples count
 */
public record ClusterState(String clusterName, List<HostCapacity> hosts, List<ServiceState> services,
                           Set<String> runningTaskIds) {

    public ClusterState {
        Objects.requireNonNull(clusterName, "clusterName");
        hosts = List.copyOf(hosts);
        services = List.copyOf(services);
        runningTaskIds = Set.copyOf(runningTaskIds);
    }
}
