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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Internal, platform services only: the scheduler deregistered a host (DeregisterContainerInstance)
 * and has its Keycloak client disabled here, so it gets no new tokens. 404 when there is no such
 * host client, which the scheduler takes as nothing left to revoke.
 */
@Tag(name = "Host registration")
@Path("/api/iam/v1/host-credentials/{tenant}/{hostId}")
public class HostCredentialsResource {

    @Inject
    HostRegistrations registrations;

    @Inject
    CurrentPrincipal principal;

    @DELETE
    @Operation(operationId = "RevokeHostCredentials", summary = "Revoke a host's credentials (platform services only)")
    @APIResponse(responseCode = "204", description = "Revoked")
    public RestResponse<Void> revoke(@PathParam("tenant") String tenant, @PathParam("hostId") String hostId) {
        if (!AccessPolicy.isPlatformService(principal.get())) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, "Only the platform's services revoke hosts here.");
        }
        registrations.deregister(tenant, hostId);
        return RestResponse.noContent();
    }
}
