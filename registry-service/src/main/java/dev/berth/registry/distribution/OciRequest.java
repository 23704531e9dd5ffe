package dev.berth.registry.distribution;

import dev.berth.common.auth.Principal;
import dev.berth.registry.metadata.Repository;
import io.vertx.ext.web.RoutingContext;

/** One distribution API call: the routing context, the caller, the repository name and, once resolved, its row. */
record OciRequest(RoutingContext ctx, Principal caller, String name, Repository repository) {

    OciRequest withRepository(Repository resolved) {
        return new OciRequest(ctx, caller, name, resolved);
    }

    String base() {
        return "/v2/" + name;
    }
}
