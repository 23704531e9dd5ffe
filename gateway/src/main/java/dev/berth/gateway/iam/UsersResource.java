package dev.berth.gateway.iam;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant admin's view of the tenant's people: list, invite, change level. */
@Path("/api/iam/v1/users")
@Requires(Action.MANAGE)
public class UsersResource {

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentPrincipal principal;

    @GET
    public Map<String, List<TenantUser>> list() {
        return Map.of("users", directory.users(principal.tenant()));
    }

    @GET
    @Path("{username}")
    public TenantUser get(@PathParam("username") String username) {
        return directory.user(principal.tenant(), username);
    }

    @POST
    public RestResponse<InvitedUser> invite(InviteUserRequest request) {
        if (request == null) {
            throw Validation.invalid("body", "is required");
        }
        String username = Validation.name("username", request.username());
        String email = Validation.email(request.email());
        Level level = Validation.level(request.level(), true);
        InvitedUser invited = directory.invite(principal.tenant(), username, email, level);
        return RestResponse.ResponseBuilder.<InvitedUser>create(Response.Status.CREATED)
                .entity(invited).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PUT
    @Path("{username}/level")
    public TenantUser setLevel(@PathParam("username") String username, LevelChange change) {
        Level level = Validation.level(change == null ? null : change.level(), true);
        return directory.setLevel(principal.tenant(), username, level);
    }
}
