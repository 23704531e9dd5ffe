package dev.berth.common.auth;

import java.util.Optional;

/** The realm roles a token can carry (DESIGN.md §5). */
public enum Role {
    VIEWER("viewer", Action.READ),
    DEPLOYER("deployer", Action.DEPLOY),
    ADMIN("admin", Action.MANAGE),
    PLATFORM_OPERATOR("platform-operator", Action.MANAGE),
    HOST("host", null),
    /** The platform's own services (scheduler, registry, ...) calling internal endpoints; no tenant access. */
    PLATFORM_SERVICE("platform-service", null);

    private final String claimValue;
    private final Action grants;

    Role(String claimValue, Action grants) {
        this.claimValue = claimValue;
        this.grants = grants;
    }

    public String claimValue() {
        return claimValue;
    }

    /** The most a holder may do to its tenant's resources; hosts get no general access at all. */
    public Optional<Action> grants() {
        return Optional.ofNullable(grants);
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue.equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
