package dev.berth.gateway.hosts;

import dev.berth.common.error.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a host agent redeems its registration token. The agent has no access token yet, so
 * this path needs none (see application.properties); the registration token is the credential.
 */
@Tag(name = "Host registration")
@Path("/api/iam/v1/host-registrations")
public class HostRegistrationsResource {

    @Inject
    HostRegistrations registrations;

    @POST
    @Operation(operationId = "RegisterHost", summary = "Exchange a registration token for a host's own credentials")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HostRegistration.class)))
    public RestResponse<HostRegistration> register(HostRegistrationRequest request) {
        if (request == null || request.registrationToken() == null
                || !request.registrationToken().startsWith(HostRegistrations.TOKEN_PREFIX)) {
            throw new InvalidInputException("registrationToken", "is required");
        }
        String hostname = request.hostname() == null ? null : request.hostname().replaceAll("[^A-Za-z0-9._-]", "");
        if (hostname != null && hostname.length() > 63) {
            hostname = hostname.substring(0, 63);
        }
        return RestResponse.ResponseBuilder.<HostRegistration>create(Response.Status.CREATED)
                .entity(registrations.register(request.registrationToken(), hostname))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
