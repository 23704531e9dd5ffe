package dev.berth.common.auth;

import java.util.Optional;

/**
 * Who may do what in a tenant: viewer reads, deployer also runs and deploys, admin does
 * everything in its own tenant, a platform operator in every tenant. Hosts have no general
 * access: their narrow endpoints check {@link #isHost}. Tasks get what their task role's
 * scopes grant: {@code api:read} and {@code api:deploy} for the APIs, the others through
 * {@link #hasScope}.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean allows(Principal principal, Action action) {
        return switch (principal.kind()) {
            case HOST -> false;
            case TASK -> action == Action.READ && hasScope(principal, "api", "read", "")
                    || action.compareTo(Action.DEPLOY) <= 0 && hasScope(principal, "api", "deploy", "");
            default -> principal.roles().stream()
                    .map(Role::grants)
                    .flatMap(Optional::stream)
                    .anyMatch(granted -> granted.compareTo(action) >= 0);
        };
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

    /** The platform's own services; only internal endpoints accept them. */
    public static boolean isPlatformService(Principal principal) {
        return principal.kind() == PrincipalKind.SERVICE_ACCOUNT && principal.has(Role.PLATFORM_SERVICE);
    }

    /** Whether one of a task's scopes grants {@code action} on {@code name} of {@code service}. */
    public static boolean hasScope(Principal principal, String service, String action, String name) {
        if (principal.kind() != PrincipalKind.TASK) {
            return false;
        }
        for (String scope : principal.scopes()) {
            try {
                if (TaskScope.parse(scope).grants(service, action, name)) {
                    return true;
                }
            } catch (IllegalArgumentException ignored) {
                // OAuth scopes that are not task-role grants (none are issued today)
            }
        }
        return false;
    }
}
