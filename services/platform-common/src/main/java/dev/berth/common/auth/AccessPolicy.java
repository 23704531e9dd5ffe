package dev.berth.common.auth;

import java.util.Optional;

/**
 * Who may do what in a tenant: viewer reads, deployer also runs and deploys, admin does
 * everything in its own tenant, a platform operator in every tenant. Hosts and tasks have no
 * general access: their narrow endpoints check {@link #isHost} and {@link #hasScope} instead.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean allows(Principal principal, Action action) {
        if (principal.kind() == PrincipalKind.HOST || principal.kind() == PrincipalKind.TASK) {
            return false;
        }
        return principal.roles().stream()
                .map(Role::grants)
                .flatMap(Optional::stream)
                .anyMatch(granted -> granted.compareTo(action) >= 0);
    }

    /**
     * Whether the principal may see a resource owned by {@code resourceTenant}. Callers answer
     * "not found" when this is false, so nothing confirms that another tenant's resource exists.
     */
    public static boolean canSeeTenant(Principal principal, String resourceTenant) {
        return principal.isPlatformOperator() || principal.tenant().filter(resourceTenant::equals).isPresent();
    }

    public static boolean isHost(Principal principal, String cluster, String hostId) {
        return principal.kind() == PrincipalKind.HOST
                && principal.cluster().filter(cluster::equals).isPresent()
                && principal.hostId().filter(hostId::equals).isPresent();
    }

    public static boolean hasScope(Principal principal, String scope) {
        return principal.scopes().contains(scope);
    }
}
