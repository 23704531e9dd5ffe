package dev.berth.logs.groups;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the caller's tenant stores: bytes as CloudWatch counts them (message + 26 per event), events and groups. */
@Path("/api/logs/v1/usage")
@Tag(name = "Usage")
public class UsageResource {

    @Inject
    LogGroupStore groups;

    @Inject
    LogAccess access;

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeTenantUsage", summary = "What the caller's tenant stores, against its quota")
    public Uni<TenantUsage> usage() {
        return groups.usage(access.tenant());
    }
}
