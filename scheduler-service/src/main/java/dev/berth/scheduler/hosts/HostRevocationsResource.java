package dev.berth.scheduler.hosts;

import dev.berth.common.auth.AccessPolicy;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Internal, platform services only: the gateway took a host's credentials away
 * ({@code DELETE /api/iam/v1/hosts/{hostId}}) and tells the scheduler, which deregisters the host
 * as DeregisterContainerInstance with force does: its channel is closed, its tasks stopped, and it
 * gets no more tasks. A host the scheduler never saw, or one already gone, is answered alike.
 */
@Path("/api/scheduler/v1/internal/hosts/{tenant}/{hostId}")
@Tag(name = "Container instances")
public class HostRevocationsResource {

    @Inject
    HostStore hosts;

    @Inject
    HostDeregistration deregistration;

    @Inject
    CurrentPrincipal principal;

    @DELETE
    @Operation(operationId = "RevokeHost", summary = "Internal: a host's credentials were revoked; deregister it with force")
    @APIResponse(responseCode = "204", description = "Deregistered, or not known here")
    public Uni<RestResponse<Void>> revoked(@PathParam("tenant") String tenant, @PathParam("hostId") String hostId) {
        if (!AccessPolicy.isPlatformService(principal.get())) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, "Only the platform's services revoke hosts here.");
        }
        return hosts.find(tenant, hostId).chain(found -> found
                        .filter(host -> host.status() != HostStatus.INACTIVE)
                        .map(host -> deregistration.deregister(host, false).replaceWithVoid())
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .map(done -> RestResponse.noContent());
    }
}
