package dev.berth.gateway.hosts;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;

/** Deregistering a host takes its credentials away. */
@Path("/api/iam/v1/hosts")
@Requires(Action.MANAGE)
public class HostsResource {

    @Inject
    HostRegistrations registrations;

    @Inject
    CurrentPrincipal principal;

    @DELETE
    @Path("{hostId}")
    public RestResponse<Void> deregister(@PathParam("hostId") String hostId) {
        registrations.deregister(principal.tenant(), hostId);
        return RestResponse.noContent();
    }
}
