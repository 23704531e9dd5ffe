package dev.berth.scheduler.clusters;

/** A cluster as ECS's DescribeClusters shows it. */
public record ClusterView(String clusterArn, String clusterName, String status, int registeredContainerInstancesCount,
                          int runningTasksCount, int pendingTasksCount, int activeServicesCount, String createdAt,
                          ClusterSecuritySettings securitySettings) {

    static ClusterView of(Cluster cluster, ClusterStore.Counts counts) {
        return new ClusterView(cluster.arn(), cluster.name(), cluster.status(), counts.hosts(), counts.running(),
                counts.pending(), counts.services(), cluster.createdAt().toInstant().toString(),
                cluster.securitySettings());
    }
}
