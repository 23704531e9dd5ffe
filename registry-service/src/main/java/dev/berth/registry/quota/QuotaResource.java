package dev.berth.registry.quota;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How much of its storage quota the caller's tenant uses. */
@Path("/api/registry/v1/quota")
@Tag(name = "Storage quota", description = "The tenant's registry storage and its limit")
public class QuotaResource {

    @Inject
    Quotas quotas;

    @Inject
    CurrentPrincipal principal;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "GetStorageQuota", summary = "Bytes the caller's tenant stores, and its limit")
    public Uni<QuotaUsage> get() {
        String tenant = principal.tenant();
        OptionalLong limit = quotas.limitOf(tenant);
        return quotas.usage(tenant).map(used ->
                new QuotaUsage(tenant, used, limit.isPresent() ? limit.getAsLong() : null));
    }
}
