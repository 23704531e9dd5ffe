package dev.berth.gateway.taskroles;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A tenant's task roles: defined here, granted to running tasks by {@link TaskCredentials}. */
@ApplicationScoped
public class TaskRoles {

    @Inject
    TaskRoleRepository repository;

    @Inject
    TaskClients clients;

    @Inject
    TaskCredentials credentials;

    public TaskRole create(String tenant, TaskRoleRequest request, String createdBy) {
        String name = TaskRoleNames.name("name", request.name());
        List<String> scopes = TaskRoleNames.scopes(request.scopes());
        String description = TaskRoleNames.description(request.description());
        clients.ensureScopes(scopes);
        if (!repository.insert(tenant, name, description, scopes, createdBy)) {
            throw new ApiException(ErrorCode.ENTITY_ALREADY_EXISTS, "Task role " + name + " exists.");
        }
        return get(tenant, name);
    }

    /** Replaces description and scopes; tasks running with the role get the new scopes at their next token. */
    public TaskRole replace(String tenant, String name, TaskRoleRequest request) {
        List<String> scopes = TaskRoleNames.scopes(request.scopes());
        String description = TaskRoleNames.description(request.description());
        if (request.name() != null && !request.name().equals(name)) {
            throw new InvalidInputException("name", "cannot be changed (" + name + ")");
        }
        clients.ensureScopes(scopes);
        if (!repository.update(tenant, name, description, scopes)) {
            throw notFound(name);
        }
        List<TaskBinding> running = repository.bindings(tenant, name);
        clients.replaceScopes(running.stream().map(TaskBinding::clientId).toList(), scopes);
        running.forEach(task -> credentials.forget(task.taskId()));
        return get(tenant, name);
    }

    public TaskRole get(String tenant, String name) {
        return repository.find(tenant, name).orElseThrow(() -> notFound(name));
    }

    public List<TaskRole> list(String tenant) {
        return repository.list(tenant);
    }

    public void delete(String tenant, String name) {
        if (repository.delete(tenant, name)) {
            return;
        }
        get(tenant, name);
        throw new ApiException(ErrorCode.DELETE_CONFLICT,
                "Task role " + name + " is in use by running tasks; stop them first.");
    }

    static ApiException notFound(String name) {
        return new ApiException(ErrorCode.NO_SUCH_ENTITY, "No task role " + name + ".");
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "Not found.");
    }
}
