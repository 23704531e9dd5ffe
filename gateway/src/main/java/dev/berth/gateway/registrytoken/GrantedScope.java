package dev.berth.gateway.registrytoken;

import java.util.Set;

/**
 * What a token from {@code /v2/token} may do: {@code <repository>:<action>} entries, nothing else.
 *
 * @param grants e.g. {@code acme/app:pull}, {@code acme/app:push}
 */
public record GrantedScope(Set<String> grants) {

    public GrantedScope {
        grants = Set.copyOf(grants);
    }

    public boolean allows(String repository, String action) {
        return grants.contains(repository + ":" + action);
    }

    /** Whether every action of a challenge scope ({@code repository:<name>:<a>,<b>}, space-separated) is granted. */
    public boolean allowsAll(String challengeScope) {
        for (String one : challengeScope.split(" ")) {
            RegistryScope scope = RegistryScope.parse(one);
            for (String action : scope.actions()) {
                if (!scope.type().equals("repository") || !allows(scope.name(), action)) {
                    return false;
                }
            }
        }
        return true;
    }
}
