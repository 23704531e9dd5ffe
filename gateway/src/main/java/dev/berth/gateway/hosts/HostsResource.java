package dev.berth.gateway.hosts;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Deregistering a host takes its credentials away and tells the scheduler, which closes the host's
 * agent channel, stops its tasks and gives it no more.
 */
@Tag(name = "Host registration")
@Path("/api/iam/v1/hosts")
@Requires(Action.MANAGE)
public class HostsResource {

    @Inject
    HostRegistrations registrations;

    @Inject
    CurrentPrincipal principal;

    @Inject
    SchedulerHostRevocation scheduler;

    @DELETE
    @Path("{hostId}")
    @Operation(operationId = "DeregisterHost", summary = "Remove a host: revoke its identity and tell the scheduler")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> deregister(@PathParam("hostId") String hostId) {
        String tenant = principal.tenant();
        registrations.deregister(tenant, hostId);
        scheduler.tell(tenant, hostId);
        return RestResponse.noContent();
    }
}
