package dev.berth.scheduler.tags;

import dev.berth.scheduler.Arns;
import dev.berth.scheduler.tasks.TaskLauncher;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
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

    public Future<Void> tag(SqlClient client, TaskLauncher.Launch launch, List<String> taskArns) {
        if (taskArns.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tag> given = launch.tags() == null ? List.of() : launch.tags();
        Future<PropagateTags> propagate = launch.propagateTags() != null || launch.serviceName() == null
                ? Future.succeededFuture(launch.propagateTags() == null ? PropagateTags.NONE : launch.propagateTags())
                : tags.propagation(client, launch.tenant(), launch.cluster(), launch.serviceName());
        return propagate.compose(from -> tags.tagTasks(client, launch.tenant(), taskArns, given, switch (from) {
            case TASK_DEFINITION -> launch.definition().arn();
            case SERVICE -> launch.serviceName() == null ? null
                    : Arns.ecs(launch.tenant(), "service/" + launch.cluster() + "/" + launch.serviceName());
            case NONE -> null;
        }));
    }
}
