package dev.berth.gateway.hosts;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.gateway.iam.Validation;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tenant admin's registration tokens, which let host agents join a cluster. */
@Tag(name = "Host registration", description = "Registration tokens, host registration and host removal")
@Path("/api/iam/v1/registration-tokens")
@Requires(Action.MANAGE)
public class RegistrationTokensResource {

    static final long DEFAULT_VALIDITY_SECONDS = 3600;
    static final long MAX_VALIDITY_SECONDS = 7 * 24 * 3600;
    static final int MAX_USES = 1000;

    @Inject
    HostRegistrations registrations;

    @Inject
    RegistrationTokenRepository tokens;

    @Inject
    CurrentPrincipal principal;

    @POST
    @Operation(operationId = "CreateRegistrationToken", summary = "Create a token hosts of one cluster register with")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NewRegistrationToken.class)))
    public RestResponse<NewRegistrationToken> create(CreateRegistrationTokenRequest request) {
        if (request == null) {
            throw Validation.invalid("body", "is required");
        }
        if (request.cluster() == null || !request.cluster().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,254}")) {
            throw Validation.invalid("cluster", "must be 1-255 letters, digits, '-' or '_'");
        }
        long seconds = request.expiresInSeconds() == null ? DEFAULT_VALIDITY_SECONDS : request.expiresInSeconds();
        if (seconds < 60 || seconds > MAX_VALIDITY_SECONDS) {
            throw Validation.invalid("expiresInSeconds", "must be between 60 and " + MAX_VALIDITY_SECONDS);
        }
        int maxUses = request.maxUses() == null ? 1 : request.maxUses();
        if (maxUses < 1 || maxUses > MAX_USES) {
            throw Validation.invalid("maxUses", "must be between 1 and " + MAX_USES);
        }
        NewRegistrationToken created = registrations.create(principal.tenant(), request.cluster(),
                Duration.ofSeconds(seconds), maxUses, principal.get().name());
        return RestResponse.ResponseBuilder.<NewRegistrationToken>create(Response.Status.CREATED)
                .entity(created).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Operation(operationId = "ListRegistrationTokens", summary = "List the tenant's registration tokens")
    public RegistrationTokenList list() {
        return new RegistrationTokenList(tokens.list(principal.tenant()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "RevokeRegistrationToken", summary = "Revoke a registration token")
    @APIResponse(responseCode = "204", description = "Revoked")
    public RestResponse<Void> revoke(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Validation.invalid("id", "is not a registration token id");
        }
        if (!tokens.revoke(principal.tenant(), uuid)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No registration token " + id + ".");
        }
        return RestResponse.noContent();
    }
}
