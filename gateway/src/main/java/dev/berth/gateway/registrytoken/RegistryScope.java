package dev.berth.gateway.registrytoken;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code scope} of the Docker token protocol, e.g. {@code repository:acme/app:pull,push}:
 * resource type, resource name, actions. The name may itself hold colons (a registry host with
 * a port), so type is up to the first colon and actions after the last.
 */
public record RegistryScope(String type, String name, Set<String> actions) {

    public RegistryScope {
        actions = Set.copyOf(new LinkedHashSet<>(actions));
    }

    /** Every scope in the query's {@code scope} values; each value may hold several, space-separated. */
    public static List<RegistryScope> parseAll(List<String> values) {
        List<RegistryScope> scopes = new ArrayList<>();
        if (values == null) {
            return scopes;
        }
        for (String value : values) {
            for (String one : value.trim().split("\\s+")) {
                if (!one.isEmpty()) {
                    scopes.add(parse(one));
                }
            }
        }
        return scopes;
    }

    public static RegistryScope parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first <= 0 || last == first || last == text.length() - 1) {
            throw new IllegalArgumentException("scope '" + text + "' is not <type>:<name>:<actions>");
        }
        Set<String> actions = new LinkedHashSet<>();
        for (String action : text.substring(last + 1).split(",")) {
            if (!action.isBlank()) {
                actions.add(action.trim());
            }
        }
        return new RegistryScope(text.substring(0, first), text.substring(first + 1, last), actions);
    }
}
