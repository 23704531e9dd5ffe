package dev.berth.registry.distribution;

import dev.berth.common.auth.AccessPolicy;
import dev.berth.common.auth.Principal;
import dev.berth.common.auth.RegistryAccess;
import dev.berth.registry.policy.RepositoryPolicies;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a caller may pull or push a repository: every distribution call asks, and so does a
 * blob mount for the repository it takes the blob from.
 */
@ApplicationScoped
public class RepositoryAuthorizer {

    @Inject
    RepositoryPolicies policies;

    /**
     * The caller's own tenant: its level decides. Another tenant's repository: only what that
     * repository's policy grants the caller, and only as far as the caller's own level goes;
     * anything else is "unknown", so nothing confirms the repository exists.
     */
    Future<Void> authorize(Principal caller, String name, String action) {
        if (!AccessPolicy.canSeeTenant(caller, RegistryAccess.tenantOf(name))) {
            if (!RegistryAccess.roleAllows(caller, name, action)) {
                return Future.failedFuture(unknownName(name));
            }
            return UniHelper.toFuture(policies.forRepository(name)).compose(policy -> policy
                    .filter(p -> p.allows(caller, action)).isPresent()
                    ? Future.succeededFuture() : Future.failedFuture(unknownName(name)));
        }
        if (!RegistryAccess.allows(caller, name, action)) {
            return Future.failedFuture(OciError.DENIED.failure(caller.name() + " may not " + action + " " + name));
        }
        return Future.succeededFuture();
    }

    static OciError.OciFailure unknownName(String name) {
        return OciError.NAME_UNKNOWN.failure("repository name not known to registry: " + name);
    }
}
