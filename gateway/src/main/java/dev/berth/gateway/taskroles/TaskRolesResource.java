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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's task roles: everyone in the tenant reads them, admins change them. */
@Path("/api/iam/v1/task-roles")
public class TaskRolesResource {

    @Inject
    TaskRoles roles;

    @Inject
    CurrentPrincipal principal;

    @GET
    @Requires(Action.READ)
    public Map<String, List<TaskRole>> list() {
        return Map.of("taskRoles", roles.list(principal.tenant()));
    }

    @GET
    @Path("{name}")
    @Requires(Action.READ)
    public TaskRole get(@PathParam("name") String name) {
        return roles.get(principal.tenant(), TaskRoleNames.name("name", name));
    }

    @POST
    @Requires(Action.MANAGE)
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
    public TaskRole replace(@PathParam("name") String name, TaskRoleRequest request) {
        if (request == null) {
            throw Validation.invalid("body", "is required");
        }
        return roles.replace(principal.tenant(), TaskRoleNames.name("name", name), request);
    }

    @DELETE
    @Path("{name}")
    @Requires(Action.MANAGE)
    public RestResponse<Void> delete(@PathParam("name") String name) {
        roles.delete(principal.tenant(), TaskRoleNames.name("name", name));
        return RestResponse.noContent();
    }
}
