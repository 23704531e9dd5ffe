package dev.berth.gateway.taskroles;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import dev.berth.gateway.iam.Validation;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant's task roles: everyone in the tenant reads them, admins change them. */
@Tag(name = "Task roles", description = "Roles a task runs with, and the short-lived tokens tasks get for them")
@Path("/api/iam/v1/task-roles")
public class TaskRolesResource {

    @Inject
    TaskRoles roles;

    @Inject
    CurrentPrincipal principal;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "ListTaskRoles", summary = "List the tenant's task roles")
    public TaskRoleList list() {
        return new TaskRoleList(roles.list(principal.tenant()));
    }

    @GET
    @Path("{name}")
    @Requires(Action.READ)
    @Operation(operationId = "GetTaskRole", summary = "Describe one task role")
    public TaskRole get(@PathParam("name") String name) {
        return roles.get(principal.tenant(), TaskRoleNames.name("name", name));
    }

    @POST
    @Requires(Action.MANAGE)
    @Operation(operationId = "CreateTaskRole", summary = "Create a task role")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskRole.class)))
    public RestResponse<TaskRole> create(TaskRoleRequest request) {
        if (request == null) {
            throw Validation.invalid("body", "is required");
        }
        TaskRole role = roles.create(principal.tenant(), request, principal.get().name());
        return RestResponse.ResponseBuilder.<TaskRole>create(Response.Status.CREATED)
                .location(URI.create("/api/iam/v1/task-roles/" + role.name()))
                .entity(role).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PUT
    @Path("{name}")
    @Requires(Action.MANAGE)
    @Operation(operationId = "UpdateTaskRole", summary = "Replace a task role's scopes and description")
    public TaskRole replace(@PathParam("name") String name, TaskRoleRequest request) {
        if (request == null) {
            throw Validation.invalid("body", "is required");
        }
        return roles.replace(principal.tenant(), TaskRoleNames.name("name", name), request);
    }

    @DELETE
    @Path("{name}")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteTaskRole", summary = "Delete a task role no task uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("name") String name) {
        roles.delete(principal.tenant(), TaskRoleNames.name("name", name));
        return RestResponse.noContent();
    }
}
