package dev.berth.gateway.routing;

import dev.berth.common.http.RegistryChallenge;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which service answers a request path: {@code /api/<service>/v1/**} goes to that service,
 * {@code /v2/**} (the OCI distribution API) to the registry except the token endpoint
 * {@code /v2/token}, which the gateway answers itself, and the agent channel
 * {@code /api/agent/v1/**} to the scheduler.
 */
public final class RouteTable {

    private static final Pattern API_PATH = Pattern.compile("^/api/([a-z][a-z0-9-]*)/v1(?:/.*)?$");
    private static final Map<String, String> ALIASES = Map.of("agent", "scheduler");

    private final Map<String, URI> services;

    public RouteTable(Map<String, URI> services) {
        this.services = Map.copyOf(services);
    }

    public Optional<URI> backendFor(String path) {
        if (path.equals(RegistryChallenge.TOKEN_PATH)) {
            return Optional.empty(); // the gateway's own token endpoint
        }
        if (path.equals("/v2") || path.startsWith("/v2/")) {
            return Optional.ofNullable(services.get("registry"));
        }
        Matcher m = API_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = ALIASES.getOrDefault(m.group(1), m.group(1));
        return Optional.ofNullable(services.get(name));
    }

    public Map<String, URI> services() {
        return services;
    }
}
