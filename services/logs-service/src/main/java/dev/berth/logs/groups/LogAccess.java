package dev.berth.logs.groups;

import dev.berth.common.auth.AccessPolicy;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Principal;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may read or write a log group: people and service accounts by their level (viewer reads,
 * deployer writes), tasks by their role's {@code logs:read:<group>} / {@code logs:write:<group>}
 * scopes (or {@code api:read} / {@code api:deploy}). The resources of a group's streams and events call
 * this instead of {@code @Requires}, which knows nothing of logs scopes.
 */
@RequestScoped
public class LogAccess {

    @Inject
    CurrentPrincipal principal;

    public String tenant() {
        return principal.tenant();
    }

    /** Only a platform operator deletes a reserved group or its streams, or changes its retention or tags. */
    public void requireMayChange(String group) {
        ReservedGroups.refuseUnlessOperator(principal.get(), group);
    }

    public void requireRead(String group) {
        require(Action.READ, "read", group);
    }

    public void requireWrite(String group) {
        require(Action.DEPLOY, "write", group);
    }

    private void require(Action action, String scope, String group) {
        Principal caller = principal.get();
        if (!AccessPolicy.allows(caller, action) && !AccessPolicy.hasScope(caller, "logs", scope, group)) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, caller.name() + " may not " + scope
                    + " log group " + group + ".");
        }
    }
}
