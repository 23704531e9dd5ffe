package dev.berth.gateway.taskroles;

import dev.berth.common.auth.AccessPolicy;
import dev.berth.common.auth.Principal;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.gateway.iam.TokenEndpoint;
import dev.berth.gateway.iam.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Credentials of running tasks (docs/security.md): the scheduler binds a task to the host it
 * placed it on; that host (or the scheduler) fetches the task's token, which is reused until
 * half its life is gone and then minted afresh; when the task stops the scheduler releases it
 * and the task's client is deleted.
 */
@ApplicationScoped
public class TaskCredentials {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    @Inject
    TaskRoleRepository repository;

    @Inject
    TaskClients clients;

    private final Map<String, TokenEndpoint.IssuedToken> current = new ConcurrentHashMap<>();

    /** @return true when newly bound, false when the same binding existed already */
    public boolean bind(String taskId, BindTaskRequest request) {
        requireId("taskId", taskId);
        if (request == null) {
            throw Validation.invalid("body", "is required");
        }
        String tenant = requireId("tenant", request.tenant());
        String cluster = requireId("cluster", request.cluster());
        String hostId = requireId("hostId", request.hostId());
        String roleName = TaskRoleNames.nameOrArn("taskRole", request.taskRole(), tenant);
        TaskRole role = repository.find(tenant, roleName)
                .orElseThrow(() -> Validation.invalid("taskRole", "names no task role of tenant " + tenant));
        TaskBinding binding = new TaskBinding(taskId, tenant, roleName, cluster, hostId, tenant + "-task-" + taskId);
        if (!repository.bind(binding)) {
            TaskBinding existing = repository.binding(taskId).orElseThrow();
            if (existing.equals(binding)) {
                return false;
            }
            throw new ApiException(ErrorCode.CONFLICT, "Task " + taskId + " is bound to another host or role.");
        }
        try {
            clients.create(binding, role.scopes());
        } catch (RuntimeException e) {
            repository.unbind(taskId);
            throw e;
        }
        return true;
    }

    /** The task's token, for the host that runs it or a platform service; anyone else learns nothing. */
    public TaskToken fetch(String taskId, Principal caller) {
        TaskBinding task = repository.binding(taskId)
                .filter(binding -> mayFetch(caller, binding))
                .orElseThrow(TaskRoles::notFound);
        TokenEndpoint.IssuedToken token = current.get(taskId);
        if (token == null || !isFresh(token)) {
            // two callers racing here both mint; either token is valid, so that is harmless
            token = clients.mint(task.clientId());
            current.put(taskId, token);
        }
        return new TaskToken(taskId, task.taskRole(), TaskRoleNames.arn(task.tenant(), task.taskRole()),
                token.accessToken(), "Bearer", token.expiresAt());
    }

    /** The task stopped: its client goes, and with it every way to get a new token. */
    public void release(String taskId) {
        repository.binding(taskId).ifPresent(task -> {
            clients.delete(task.clientId());
            repository.unbind(taskId);
        });
        forget(taskId);
    }

    void forget(String taskId) {
        current.remove(taskId);
    }

    private static boolean mayFetch(Principal caller, TaskBinding task) {
        return AccessPolicy.isPlatformService(caller)
                || AccessPolicy.isHost(caller, task.cluster(), task.hostId())
                && caller.tenant().filter(task.tenant()::equals).isPresent();
    }

    /** Reused while more than half of its life is left, so a caller always gets minutes of validity. */
    private static boolean isFresh(TokenEndpoint.IssuedToken token) {
        Duration life = Duration.between(token.issuedAt(), token.expiresAt());
        return Instant.now().isBefore(token.expiresAt().minus(life.dividedBy(2)));
    }

    private static String requireId(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw Validation.invalid(field, "must be 1-64 letters, digits, '_' or '-'");
        }
        return value;
    }
}
