package dev.berth.common.caller;

import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every service answers {@code GET /api/<its name>/v1/caller} with the identity it sees in the
 * token, so a user (and the e2e tests) can check that a token reaches a service through the
 * gateway with its tenant and roles intact.
 */
@Tag(name = "Caller", description = "Who the token says you are")
@Path("/api/{service}/v1/caller")
public class CallerResource {

    @Inject
    CurrentPrincipal principal;

    @ConfigProperty(name = "berth.service.name")
    String serviceName;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "GetCallerIdentity", summary = "The caller's identity, tenant and roles as this service sees them")
    public Caller caller(@PathParam("service") String service) {
        if (!serviceName.equals(service)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such API: /api/" + service + "/v1");
        }
        return Caller.of(serviceName, principal.get());
    }
}
