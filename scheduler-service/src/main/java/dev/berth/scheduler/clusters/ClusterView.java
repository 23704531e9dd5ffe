package dev.berth.scheduler.clusters;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.scheduler.tags.Tag;
import java.util.List;

/** A cluster as ECS's DescribeClusters shows it; its tags when asked for (include=TAGS) or just given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterView(String clusterArn, String clusterName, ClusterStatus status, int registeredContainerInstancesCount,
                          int runningTasksCount, int pendingTasksCount, int activeServicesCount, String createdAt,
                          ClusterSecuritySettings securitySettings, List<Tag> tags) {

    static ClusterView of(Cluster cluster, ClusterStore.Counts counts) {
        return new ClusterView(cluster.arn(), cluster.name(), cluster.status(), counts.hosts(), counts.running(),
                counts.pending(), counts.services(), cluster.createdAt().toInstant().toString(),
                cluster.securitySettings(), null);
    }

    ClusterView withTags(List<Tag> clusterTags) {
        return new ClusterView(clusterArn, clusterName, status, registeredContainerInstancesCount, runningTasksCount,
                pendingTasksCount, activeServicesCount, createdAt, securitySettings, clusterTags);
    }
}
