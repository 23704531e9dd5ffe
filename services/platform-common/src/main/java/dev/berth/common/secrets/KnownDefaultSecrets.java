package dev.berth.common.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Secrets that were ever written in this repository or its documentation, or that anyone would
 * guess. A service configured with one of them refuses to start: whoever read the repository
 * could log in as it.
 */
public final class KnownDefaultSecrets {

    private static final Set<String> KNOWN = Set.of(
            "berth-service-secret", "berth-admin", "berth-demo", "postgres", "admin", "password",
            "secret", "changeme", "change-me", "kafka", "keycloak");

    private KnownDefaultSecrets() {
    }

    public static boolean isKnown(String value) {
        return value != null && KNOWN.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** The names (config keys) of the given secrets whose value is a known default; empty values are skipped. */
    public static List<String> offenders(Map<String, String> secretsByName) {
        List<String> offenders = new ArrayList<>();
        secretsByName.forEach((name, value) -> {
            if (isKnown(value)) {
                offenders.add(name);
            }
        });
        offenders.sort(null);
        return offenders;
    }
}
