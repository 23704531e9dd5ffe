package dev.berth.scheduler.tags;

import dev.berth.scheduler.clusters.ClusterStatus;
import dev.berth.scheduler.clusters.ClusterStore;
import dev.berth.scheduler.services.ServiceStatus;
import dev.berth.scheduler.services.ServiceStore;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionStore;
import dev.berth.scheduler.tasks.TaskStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Whether the cluster, service, task or task definition that a tag call names is there. */
@ApplicationScoped
public class TaggedResources {

    @Inject
    ClusterStore clusters;

    @Inject
    ServiceStore services;

    @Inject
    TaskStore tasks;

    @Inject
    TaskDefinitionStore definitions;

    /** ResourceNotFoundException unless the resource is there (a deleted service or cluster is not). */
    public Uni<Void> requireExists(String tenant, TaggedResource resource) {
        Uni<Boolean> found = switch (resource.kind()) {
            case CLUSTER -> clusters.find(tenant, resource.name())
                    .map(c -> c.filter(cluster -> cluster.status() == ClusterStatus.ACTIVE).isPresent());
            case SERVICE -> services.find(tenant, resource.cluster(), resource.name())
                    .map(s -> s.filter(service -> service.status() != ServiceStatus.INACTIVE).isPresent());
            case TASK -> tasks.find(tenant, resource.cluster(), List.of(resource.name()))
                    .map(matching -> !matching.isEmpty());
            case TASK_DEFINITION -> definitions.find(tenant, resource.name(), resource.revision())
                    .map(d -> d.isPresent());
        };
        return found.map(present -> {
            if (!present) {
                throw TaggedResource.notFound(resource.arn());
            }
            return null;
        });
    }
}
