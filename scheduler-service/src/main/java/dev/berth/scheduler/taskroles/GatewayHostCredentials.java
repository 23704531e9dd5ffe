package dev.berth.scheduler.taskroles;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's internal host credentials API: a deregistered host's Keycloak client is disabled, so it gets no new tokens. */
@RegisterRestClient(configKey = "gateway")
@OidcClientFilter
@Path("/api/iam/v1/host-credentials/{tenant}/{hostId}")
public interface GatewayHostCredentials {

    @DELETE
    Uni<Void> revoke(@PathParam("tenant") String tenant, @PathParam("hostId") String hostId);
}
