package dev.berth.gateway.auth;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Exists only in tests: one endpoint per action level, to check the shared authorization library. */
@Path("/api/iam/v1/test-guarded")
public class GuardedResource {

    @Inject
    CurrentPrincipal principal;

    @GET
    @Requires(Action.READ)
    public String read() {
        return "read:" + principal.tenant();
    }

    @POST
    @Requires(Action.DEPLOY)
    public String deploy() {
        return "deploy:" + principal.tenant();
    }

    @DELETE
    @Requires(Action.MANAGE)
    public String manage() {
        return "manage:" + principal.tenant();
    }
}
