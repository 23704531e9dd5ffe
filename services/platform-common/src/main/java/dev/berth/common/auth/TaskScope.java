package dev.berth.common.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One grant of a task role, as it appears in a task token's {@code scope} claim:
 * {@code registry:pull:<repository>}, {@code registry:push:<repository>},
 * {@code logs:write:<group>}, {@code logs:read:<group>}, {@code api:read}, {@code api:deploy}.
 * A resource may end in {@code *} to cover every name with that prefix.
 *
 * @param resource empty for the {@code api:*} scopes, which name no resource
 */
public record TaskScope(String service, String action, Optional<String> resource) {

    /** OCI repository names, lower case, path components separated by '/'. */
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*/?\\*?|\\*");
    /** CloudWatch log group names. */
    private static final Pattern LOG_GROUP = Pattern.compile("[\\w./#-]{1,512}\\*?|\\*");

    /** Parses a scope string; the message of the exception says what is wrong with it. */
    public static TaskScope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a scope must not be empty");
        }
        String[] parts = text.split(":", 3);
        String service = parts[0];
        String action = parts.length > 1 ? parts[1] : "";
        Optional<String> resource = parts.length > 2 ? Optional.of(parts[2]) : Optional.empty();
        switch (service) {
            case "api" -> {
                if (!(action.equals("read") || action.equals("deploy")) || resource.isPresent()) {
                    throw new IllegalArgumentException("'" + text + "' is not one of api:read, api:deploy");
                }
            }
            case "registry" -> requireResource(text, action, resource, "pull|push", REPOSITORY, "repository name");
            case "logs" -> requireResource(text, action, resource, "write|read", LOG_GROUP, "log group name");
            default -> throw new IllegalArgumentException("'" + text
                    + "' does not start with registry:, logs: or api:");
        }
        return new TaskScope(service, action, resource);
    }

    private static void requireResource(String text, String action, Optional<String> resource, String actions,
                                        Pattern pattern, String what) {
        if (!action.matches(actions)) {
            throw new IllegalArgumentException("'" + text + "': the action must be one of " + actions.replace('|', ','));
        }
        if (resource.isEmpty() || !pattern.matcher(resource.get()).matches()) {
            throw new IllegalArgumentException("'" + text + "' must end in a " + what + " (a trailing * matches a prefix)");
        }
    }

    /** Whether this grant covers {@code action} on {@code name} of {@code service}. */
    public boolean grants(String service, String action, String name) {
        if (!this.service.equals(service) || !this.action.equals(action)) {
            return false;
        }
        return resource.map(pattern -> pattern.endsWith("*")
                        ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                        : name.equals(pattern))
                .orElse(true);
    }

    @Override
    public String toString() {
        return service + ":" + action + resource.map(r -> ":" + r).orElse("");
    }
}
