package dev.berth.gateway.hosts;

import dev.berth.common.auth.AccessPolicy;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Internal, platform services only: the scheduler deregistered a host (DeregisterContainerInstance)
 * and has its Keycloak client disabled here, so it gets no new tokens. 404 when there is no such
 * host client, which the scheduler takes as nothing left to revoke.
 */
@Path("/api/iam/v1/host-credentials/{tenant}/{hostId}")
public class HostCredentialsResource {

    @Inject
    HostRegistrations registrations;

    @Inject
    CurrentPrincipal principal;

    @DELETE
    public RestResponse<Void> revoke(@PathParam("tenant") String tenant, @PathParam("hostId") String hostId) {
        if (!AccessPolicy.isPlatformService(principal.get())) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, "Only the platform's services revoke hosts here.");
        }
        registrations.deregister(tenant, hostId);
        return RestResponse.noContent();
    }
}
