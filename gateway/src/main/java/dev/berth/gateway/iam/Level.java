package dev.berth.gateway.iam;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's permission level in a tenant, named as in OpsWorks Stacks (deny, show, deploy,
 * manage) and mapped to the realm roles none, viewer, deployer, admin. Berth's role names are
 * accepted as input too.
 */
public enum Level {
    DENY(null),
    SHOW("viewer"),
    DEPLOY("deployer"),
    MANAGE("admin");

    private final String role;

    Level(String role) {
        this.role = role;
    }

    /** The realm role, which is also the name of the tenant's subgroup; empty for deny. */
    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(l -> l.wireName().equals(v) || v.equals(l.role) || (l == DENY && v.equals("none")))
                .findFirst();
    }

    /**
     * A user's level in a tenant, read from the paths of the groups they belong to: the tenant
     * group itself means deny, one of its role subgroups that role; empty when the user is not
     * in the tenant at all. Should a user be in several, the highest level counts.
     */
    public static Optional<Level> inTenant(String tenant, Collection<String> groupPaths) {
        return groupPaths.stream()
                .filter(path -> isTenantGroup(tenant, path))
                .map(path -> path.equals("/" + tenant) ? Optional.of(DENY) : ofRole(path.substring(tenant.length() + 2)))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** Whether the group path is the tenant's group or one of its direct subgroups. */
    public static boolean isTenantGroup(String tenant, String path) {
        String root = "/" + tenant;
        return path != null && (path.equals(root)
                || (path.startsWith(root + "/") && path.indexOf('/', root.length() + 1) < 0));
    }

    public static Optional<Level> ofRole(String role) {
        return Arrays.stream(values()).filter(l -> role != null && role.equals(l.role)).findFirst();
    }
}
