package dev.berth.common.caller;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.common.auth.Principal;
import dev.berth.common.auth.Role;
import java.util.List;

/**
 * Who is calling, as read from a validated access token: the answer of
 * {@code GET /api/<service>/v1/caller} (the platform's GetCallerIdentity).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Caller(String service, String kind, String subject, String username, String tenant, List<String> roles,
                     String cluster, String hostId, String taskId, String taskRole, List<String> scopes) {

    static Caller of(String service, Principal principal) {
        return new Caller(service, principal.kind().name(), principal.subject(), principal.name(),
                principal.tenant().orElse(null),
                principal.roles().stream().map(Role::claimValue).sorted().toList(),
                principal.cluster().orElse(null), principal.hostId().orElse(null), principal.taskId().orElse(null),
                principal.taskRole().orElse(null),
                principal.scopes().isEmpty() ? null : principal.scopes().stream().sorted().toList());
    }
}
