package dev.berth.common.auth;

import java.util.Optional;
import java.util.Set;

/**
 * The caller as read from a validated access token. The tenant comes only from the token,
 * never from a header, path or body the client controls.
 *
 * @param subject  the token's {@code sub}
 * @param name     a readable name: the username, or the client id of a service account
 * @param tenant   the {@code tenant} claim; empty for a platform operator without a tenant
 * @param cluster  for a host: the cluster it belongs to
 * @param hostId   for a host: its id
 * @param taskId   for a task: its id
 * @param taskRole for a task: its task role
 * @param scopes   fine-grained grants such as {@code registry:pull:app} (task roles)
 */
public record Principal(
        PrincipalKind kind,
        String subject,
        String name,
        Optional<String> tenant,
        Set<Role> roles,
        Optional<String> cluster,
        Optional<String> hostId,
        Optional<String> taskId,
        Optional<String> taskRole,
        Set<String> scopes) {

    public Principal {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPlatformOperator() {
        return has(Role.PLATFORM_OPERATOR);
    }
}
