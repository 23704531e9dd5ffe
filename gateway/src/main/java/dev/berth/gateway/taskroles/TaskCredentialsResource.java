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

/**
 * Internal API for running tasks' credentials. The scheduler (a platform service) binds a task
 * to its host and releases it when the task stops; the task's host fetches its token, and so
 * may the scheduler to hand it on. Tenant users have nothing to do here.
 */
@Path("/api/iam/v1/task-credentials/{taskId}")
public class TaskCredentialsResource {

    @Inject
    TaskCredentials credentials;

    @Inject
    CurrentPrincipal principal;

    @PUT
    public RestResponse<Void> bind(@PathParam("taskId") String taskId, BindTaskRequest request) {
        requirePlatformService();
        return credentials.bind(taskId, request) ? RestResponse.status(RestResponse.Status.CREATED)
                : RestResponse.noContent();
    }

    @GET
    public TaskToken fetch(@PathParam("taskId") String taskId) {
        return credentials.fetch(taskId, principal.get());
    }

    @DELETE
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
