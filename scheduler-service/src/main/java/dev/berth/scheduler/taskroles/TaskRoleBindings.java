package dev.berth.scheduler.taskroles;

import dev.berth.scheduler.taskdefinitions.StoredTaskDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionDocuments;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionReference;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionStore;
import dev.berth.scheduler.tasks.Task;
import dev.berth.scheduler.tasks.TaskStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Tasks with a role (the task definition's {@code taskRoleArn}, or run-task's override) get
 * credentials: once placed, the task is bound to its host at the gateway, so that host's agent can
 * fetch the task's token and serve it to the containers; once STOPPED it is released (tried again
 * until the gateway confirms, {@link CredentialRevoker}). Task
 * definitions never change after registration, so each revision's role is looked up once.
 */
@ApplicationScoped
public class TaskRoleBindings {

    private static final Logger LOG = Logger.getLogger(TaskRoleBindings.class);

    @Inject
    @RestClient
    GatewayTaskCredentials gateway;

    @Inject
    TaskDefinitionStore definitions;

    @Inject
    CredentialRevoker revoker;

    @Inject
    TaskDefinitionDocuments documents;

    private final Map<String, Optional<String>> roleOfDefinition = new ConcurrentHashMap<>();

    /** Called with every task change after it is committed. */
    public void taskChanged(Task task) {
        boolean placed = task.lastStatus() == TaskStatus.PROVISIONING && task.hostId() != null;
        boolean stopped = task.lastStatus() == TaskStatus.STOPPED;
        if (!placed && !stopped) {
            return;
        }
        role(task).subscribe().with(role -> role.ifPresent(name -> {
            if (placed) {
                gateway.bind(task.id(), new GatewayTaskCredentials.Binding(task.tenant(), task.cluster(), task.hostId(),
                        name)).subscribe().with(ok -> { }, failure -> LOG.warnf("task %s: binding its credentials "
                        + "failed: %s", task.id(), failure.getMessage()));
            } else {
                revoker.revoke(Revocation.Kind.TASK_CREDENTIALS, task.tenant(), task.id()).subscribe().with(ok -> { },
                        failure -> LOG.errorf("task %s: its credentials could not be queued for release: %s", task.id(),
                                failure.getMessage()));
            }
        }), failure -> LOG.warnf("task %s: no task definition to read its role from: %s", task.id(), failure.getMessage()));
    }

    private Uni<Optional<String>> role(Task task) {
        String override = task.overrides() == null ? null : task.overrides().path("taskRoleArn").asText(null);
        if (override != null && !override.isBlank()) {
            return Uni.createFrom().item(Optional.of(override));
        }
        Optional<String> known = roleOfDefinition.get(task.taskDefinitionArn());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return definitions.resolve(task.tenant(), TaskDefinitionReference.parse(task.taskDefinitionArn()))
                .map(found -> {
                    Optional<String> role = found.map(this::roleOf);
                    roleOfDefinition.put(task.taskDefinitionArn(), role);
                    return role;
                });
    }

    private String roleOf(StoredTaskDefinition definition) {
        String role = documents.spec(documents.parse(definition.document())).taskRoleArn();
        return role == null || role.isBlank() ? null : role;
    }
}
