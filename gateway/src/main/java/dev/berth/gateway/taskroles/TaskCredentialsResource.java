package dev.berth.gateway.taskroles;

import dev.berth.common.auth.AccessPolicy;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Internal API for running tasks' credentials. The scheduler (a platform service) binds a task
 * to its host and releases it when the task stops; the task's host fetches its token, and so
 * may the scheduler to hand it on. Tenant users have nothing to do here.
 */
@Tag(name = "Task roles")
@Path("/api/iam/v1/task-credentials/{taskId}")
public class TaskCredentialsResource {

    @Inject
    TaskCredentials credentials;

    @Inject
    CurrentPrincipal principal;

    @PUT
    @Operation(operationId = "BindTaskCredentials", summary = "Bind a task to its role and host (platform services only)")
    @APIResponse(responseCode = "201", description = "Bound (204 when it already was)")
    public RestResponse<Void> bind(@PathParam("taskId") String taskId, BindTaskRequest request) {
        requirePlatformService();
        return credentials.bind(taskId, request) ? RestResponse.status(RestResponse.Status.CREATED)
                : RestResponse.noContent();
    }

    @GET
    @Operation(operationId = "GetTaskCredentials", summary = "A running task's short-lived role token")
    public TaskToken fetch(@PathParam("taskId") String taskId) {
        return credentials.fetch(taskId, principal.get());
    }

    @DELETE
    @Operation(operationId = "ReleaseTaskCredentials", summary = "Release a stopped task's binding (platform services only)")
    @APIResponse(responseCode = "204", description = "Released")
    public RestResponse<Void> release(@PathParam("taskId") String taskId) {
        requirePlatformService();
        credentials.release(taskId);
        return RestResponse.noContent();
    }

    private void requirePlatformService() {
        if (!AccessPolicy.isPlatformService(principal.get())) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, "Only the platform's services bind and release tasks.");
        }
    }
}
