package dev.berth.gateway.hosts;

import dev.berth.common.error.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Where a host agent redeems its registration token. The agent has no access token yet, so
 * this path needs none (see application.properties); the registration token is the credential.
 */
@Path("/api/iam/v1/host-registrations")
public class HostRegistrationsResource {

    @Inject
    HostRegistrations registrations;

    @POST
    public RestResponse<HostRegistration> register(HostRegistrationRequest request) {
        if (request == null || request.registrationToken() == null
                || !request.registrationToken().startsWith(HostRegistrations.TOKEN_PREFIX)) {
            throw new ApiException(400, "InvalidParameterException", "registrationToken is required.");
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
