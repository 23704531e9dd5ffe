package dev.berth.common.caller;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCodes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every service answers {@code GET /api/<its name>/v1/caller} with the identity it sees in the
 * token, so a user (and the e2e tests) can check that a token reaches a service through the
 * gateway with its tenant and roles intact.
 */
@Path("/api/{service}/v1/caller")
public class CallerResource {

    static final Set<String> PLATFORM_ROLES = Set.of("admin", "deployer", "viewer", "platform-operator", "host");

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "berth.service.name")
    String serviceName;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Caller caller(@PathParam("service") String service) {
        if (!serviceName.equals(service)) {
            throw new ApiException(404, ErrorCodes.NOT_FOUND, "No such API: /api/" + service + "/v1");
        }
        return new Caller(serviceName, token.getSubject(), token.getClaim("preferred_username"),
                token.getClaim("tenant"), platformRoles());
    }

    private List<String> platformRoles() {
        JsonObject realmAccess = token.getClaim("realm_access");
        if (realmAccess == null || !realmAccess.containsKey("roles")) {
            return List.of();
        }
        return realmAccess.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .filter(PLATFORM_ROLES::contains)
                .sorted()
                .toList();
    }
}
