package dev.berth.gateway.iam;

import java.util.Arrays;
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

    public static Optional<Level> ofRole(String role) {
        return Arrays.stream(values()).filter(l -> role != null && role.equals(l.role)).findFirst();
    }
}
