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

    public record Usage(long storedBytes, long storedEvents, long logGroups) {
    }

    @Inject
    LogGroupStore groups;

    @Inject
    LogAccess access;

    @GET
    @Requires(Action.READ)
    public Uni<Usage> usage() {
        return groups.usage(access.tenant()).map(u -> new Usage(u[0], u[1], u[2]));
    }
}
