package dev.berth.gateway.iam;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Service accounts for a tenant's CI pipelines: client credentials bound to the tenant and one level. */
@Tag(name = "IAM service accounts", description = "Client credentials for a tenant's CI pipelines")
@Path("/api/iam/v1/service-accounts")
@Requires(Action.MANAGE)
public class ServiceAccountsResource {

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentPrincipal principal;

    @GET
    @Operation(operationId = "ListServiceAccounts", summary = "List the tenant's service accounts")
    public ServiceAccountList list() {
        return new ServiceAccountList(directory.serviceAccounts(principal.tenant()));
    }

    /** The answer holds the client secret; it is never shown again. */
    @POST
    @Operation(operationId = "CreateServiceAccount", summary = "Create a service account; the answer holds its secret, shown once")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceAccount.class)))
    public RestResponse<ServiceAccount> create(CreateServiceAccountRequest request) {
        if (request == null) {
            throw Validation.invalid("body", "is required");
        }
        String name = Validation.name("name", request.name());
        Level level = Validation.level(request.level(), false);
        ServiceAccount created = directory.createServiceAccount(principal.tenant(), name, level);
        return RestResponse.ResponseBuilder.<ServiceAccount>create(Response.Status.CREATED)
                .entity(created).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "DeleteServiceAccount", summary = "Delete a service account and revoke its credentials")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> revoke(@PathParam("name") String name) {
        directory.deleteServiceAccount(principal.tenant(), Validation.name("name", name));
        return RestResponse.noContent();
    }
}
