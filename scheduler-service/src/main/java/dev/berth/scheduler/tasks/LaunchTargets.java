package dev.berth.scheduler.tasks;

import dev.berth.scheduler.clusters.ActiveClusters;
import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.clusters.ElevatedAccessCheck;
import dev.berth.scheduler.taskdefinitions.StoredTaskDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionDocuments;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Where a request would run tasks: the caller's ACTIVE cluster and the tenant's ACTIVE task definition. */
@ApplicationScoped
public class LaunchTargets {

    public record LaunchTarget(Cluster cluster, StoredTaskDefinition definition) {
    }

    @Inject
    ActiveClusters clusters;

    @Inject
    TaskDefinitionStore definitions;

    @Inject
    TaskDefinitionDocuments documents;

    /** The cluster a request path names and the task definition, by family, family:revision or ARN. */
    public Uni<LaunchTarget> resolve(String cluster, String taskDefinition) {
        return clusters.named(cluster).chain(c -> definitions.requireActive(c.tenant(), taskDefinition)
                .map(definition -> new LaunchTarget(c, definition)));
    }

    /** As {@link #resolve}, refusing a definition with privileged containers or host networking the cluster forbids. */
    public Uni<LaunchTarget> resolveAllowed(String cluster, String taskDefinition) {
        return clusters.named(cluster).chain(c -> allowedIn(c, taskDefinition)
                .map(definition -> new LaunchTarget(c, definition)));
    }

    /** The task definition, unless it asks for privileged containers or host networking the cluster forbids. */
    public Uni<StoredTaskDefinition> allowedIn(Cluster cluster, String taskDefinition) {
        return definitions.requireActive(cluster.tenant(), taskDefinition)
                .invoke(definition -> ElevatedAccessCheck.require(documents.spec(documents.parse(definition.document())),
                        cluster));
    }
}
