package dev.berth.common.auth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the {@link Principal} from a token's claims. */
public final class Principals {

    /** Keycloak names the user behind a client's service account like this. */
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private Principals() {
    }

    public static Principal from(ClaimSource claims) {
        Set<Role> roles = claims.strings("realm_access", "roles").stream()
                .map(Role::fromClaim)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Optional<String> username = claims.string("preferred_username");
        Optional<String> taskId = claims.string("task_id");
        Optional<String> hostId = claims.string("host_id");
        PrincipalKind kind;
        String name;
        if (taskId.isPresent()) {
            kind = PrincipalKind.TASK;
            name = "task/" + taskId.get();
        } else if (hostId.isPresent() && roles.contains(Role.HOST)) {
            kind = PrincipalKind.HOST;
            name = "host/" + hostId.get();
        } else if (username.filter(u -> u.startsWith(SERVICE_ACCOUNT_PREFIX)).isPresent()) {
            kind = PrincipalKind.SERVICE_ACCOUNT;
            name = claims.string("client_id").or(() -> claims.string("azp"))
                    .orElse(username.get().substring(SERVICE_ACCOUNT_PREFIX.length()));
        } else {
            kind = PrincipalKind.USER;
            name = username.orElse(claims.string("sub").orElse("unknown"));
        }
        // a role only counts for the kind of caller it was made for; tasks get scopes, no roles
        if (kind != PrincipalKind.HOST) {
            roles.remove(Role.HOST);
        }
        if (kind != PrincipalKind.SERVICE_ACCOUNT) {
            roles.remove(Role.PLATFORM_SERVICE);
        }
        if (kind == PrincipalKind.TASK) {
            roles.clear();
        }
        return new Principal(kind, claims.string("sub").orElse(""), name, claims.string("tenant"), roles,
                claims.string("cluster"), hostId, taskId, claims.string("task_role"), scopes(claims));
    }

    /** Scopes come space-separated in {@code scope}, as OAuth puts them. */
    private static Set<String> scopes(ClaimSource claims) {
        return claims.string("scope")
                .map(s -> Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
