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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Service accounts for a tenant's CI pipelines: client credentials bound to the tenant and one level. */
@Path("/api/iam/v1/service-accounts")
@Requires(Action.MANAGE)
public class ServiceAccountsResource {

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentPrincipal principal;

    @GET
    public Map<String, List<ServiceAccount>> list() {
        return Map.of("serviceAccounts", directory.serviceAccounts(principal.tenant()));
    }

    /** The answer holds the client secret; it is never shown again. */
    @POST
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
    public RestResponse<Void> revoke(@PathParam("name") String name) {
        directory.deleteServiceAccount(principal.tenant(), Validation.name("name", name));
        return RestResponse.noContent();
    }
}
