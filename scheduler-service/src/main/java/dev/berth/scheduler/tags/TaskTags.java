package dev.berth.scheduler.tags;

import dev.berth.scheduler.Arns;
import dev.berth.scheduler.tasks.TaskLauncher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The tags new tasks get, as in ECS: those the launch names, and with propagateTags those of the
 * task definition or of the service (a service's tasks follow the service's propagateTags). A
 * key given on the launch wins over the same key propagated.
 */
@ApplicationScoped
public class TaskTags {

    @Inject
    TagStore tags;

    public Uni<Void> tag(SqlClient client, TaskLauncher.Launch launch, List<String> taskArns) {
        if (taskArns.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tag> given = launch.tags() == null ? List.of() : launch.tags();
        Uni<PropagateTags> propagate = launch.propagateTags() != null || launch.serviceName() == null
                ? Uni.createFrom().item(launch.propagateTags() == null ? PropagateTags.NONE : launch.propagateTags())
                : tags.propagation(client, launch.tenant(), launch.cluster(), launch.serviceName());
        return propagate.chain(from -> tags.tagTasks(client, launch.tenant(), taskArns, given, switch (from) {
            case TASK_DEFINITION -> launch.definition().arn();
            case SERVICE -> launch.serviceName() == null ? null
                    : Arns.ecs(launch.tenant(), "service/" + launch.cluster() + "/" + launch.serviceName());
            case NONE -> null;
        }));
    }
}
