package dev.berth.common.auth;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a caller may do to an image repository named {@code <tenant>/<name>}, in the actions of
 * the Docker token protocol ({@code pull}, {@code push}, {@code delete}, {@code *}). The
 * gateway's token endpoint and the registry both ask this, so a token never promises more than
 * the registry will allow. Another tenant's repositories are out of reach here; repository
 * policies that open them up belong to the registry.
 */
public final class RegistryAccess {

    public static final String PULL = "pull";
    public static final String PUSH = "push";
    public static final String DELETE = "delete";
    public static final String ALL = "*";

    private RegistryAccess() {
    }

    /** The subset of {@code requested} that {@code principal} may do on {@code repository}. */
    public static Set<String> granted(Principal principal, String repository, Set<String> requested) {
        Set<String> granted = new LinkedHashSet<>();
        if (!ownsRepository(principal, repository)) {
            return granted;
        }
        for (String action : requested) {
            if (roleAllows(principal, repository, action)) {
                granted.add(action);
            }
        }
        return granted;
    }

    public static boolean allows(Principal principal, String repository, String action) {
        return ownsRepository(principal, repository) && roleAllows(principal, repository, action);
    }

    /**
     * Whether the caller's own level (or a task's scopes) allows the action, leaving aside whose
     * repository it is: another tenant's repository also needs that tenant's repository policy.
     */
    public static boolean roleAllows(Principal principal, String repository, String action) {
        return switch (principal.kind()) {
            case HOST -> action.equals(PULL);
            case TASK -> (action.equals(PULL) || action.equals(PUSH))
                    && AccessPolicy.hasScope(principal, "registry", action, repository);
            default -> switch (action) {
                case PULL -> AccessPolicy.allows(principal, Action.READ);
                case PUSH -> AccessPolicy.allows(principal, Action.DEPLOY);
                case DELETE, ALL -> AccessPolicy.allows(principal, Action.MANAGE);
                default -> false;
            };
        };
    }

    /** The tenant a repository belongs to: its first path component. */
    public static String tenantOf(String repository) {
        int slash = repository.indexOf('/');
        return slash < 0 ? "" : repository.substring(0, slash);
    }

    private static boolean ownsRepository(Principal principal, String repository) {
        return AccessPolicy.canSeeTenant(principal, tenantOf(repository));
    }
}
