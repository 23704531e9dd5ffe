package dev.berth.scheduler.clusters;

/**
 * A cluster as ECS's DescribeClusters shows it. The counts are zero until hosts, tasks and
 * services exist in Berth.
 */
public record ClusterView(String clusterArn, String clusterName, String status, int registeredContainerInstancesCount,
                          int runningTasksCount, int pendingTasksCount, int activeServicesCount, String createdAt) {

    static ClusterView of(Cluster cluster) {
        return new ClusterView(cluster.arn(), cluster.name(), cluster.status(), 0, 0, 0, 0,
                cluster.createdAt().toInstant().toString());
    }
}
