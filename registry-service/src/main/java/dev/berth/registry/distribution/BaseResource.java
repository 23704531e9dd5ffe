package dev.berth.registry.distribution;

import dev.berth.common.http.RegistryChallenge;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /v2/}, the OCI distribution API's base: 200 to a caller with a valid token (how
 * clients check that a login worked), the token protocol's challenge to anyone else.
 */
@Path("/v2")
public class BaseResource {

    @GET
    @Path("/")
    public Response base() {
        return Response.ok("{}", MediaType.APPLICATION_JSON)
                .header(RegistryChallenge.API_VERSION_HEADER, "registry/2.0")
                .build();
    }
}
