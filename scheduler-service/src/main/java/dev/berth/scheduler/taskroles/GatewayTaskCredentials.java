package dev.berth.scheduler.taskroles;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The gateway's internal task credentials API (docs/security.md), called with the scheduler's own
 * service account token: a placed task with a role is bound to its host, and released when it stops.
 */
@RegisterRestClient(configKey = "gateway")
@OidcClientFilter
@Path("/api/iam/v1/task-credentials/{taskId}")
public interface GatewayTaskCredentials {

    record Binding(String tenant, String cluster, String hostId, String taskRole) {
    }

    @PUT
    Uni<Void> bind(@PathParam("taskId") String taskId, Binding binding);

    @DELETE
    Uni<Void> release(@PathParam("taskId") String taskId);
}
