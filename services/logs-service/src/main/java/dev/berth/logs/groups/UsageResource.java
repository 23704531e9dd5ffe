package dev.berth.logs.groups;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** What the caller's tenant stores: bytes as CloudWatch counts them (message + 26 per event), events and groups. */
@Path("/api/logs/v1/usage")
public class UsageResource {

    @Inject
    LogGroupStore groups;

    @Inject
    LogAccess access;

    @GET
    @Requires(Action.READ)
    public Uni<TenantUsage> usage() {
        return groups.usage(access.tenant());
    }
}
