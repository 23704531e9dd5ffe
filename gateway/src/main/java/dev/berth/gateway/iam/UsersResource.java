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
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant admin's view of the tenant's people: list, invite, change level. */
@Tag(name = "IAM users", description = "A tenant's people (tenant admins)")
@Path("/api/iam/v1/users")
@Requires(Action.MANAGE)
public class UsersResource {

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentPrincipal principal;

    @GET
    @Operation(operationId = "ListUsers", summary = "List the tenant's users")
    public UserList list() {
        return new UserList(directory.users(principal.tenant()));
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "GetUser", summary = "Describe one user")
    public TenantUser get(@PathParam("username") String username) {
        return directory.user(principal.tenant(), Validation.name("username", username));
    }

    @POST
    @Operation(operationId = "InviteUser", summary = "Invite a user at a level; the answer holds the first password")
    @APIResponse(responseCode = "201", description = "Invited",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitedUser.class)))
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
    @Operation(operationId = "SetUserLevel", summary = "Change a user's level (viewer, deployer, admin)")
    public TenantUser setLevel(@PathParam("username") String username, LevelChange change) {
        Level level = Validation.level(change == null ? null : change.level(), true);
        return directory.setLevel(principal.tenant(), Validation.name("username", username), level);
    }
}
