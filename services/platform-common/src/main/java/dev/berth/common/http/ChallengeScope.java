package dev.berth.common.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Names the scope a distribution API call needs in its 401 challenge, as Docker's token
 * convention has it: {@code WWW-Authenticate: Bearer realm="…",service="berth-registry",
 * scope="repository:acme/app:pull"} ({@code pull,push} for a push, {@code delete} for a delete,
 * plus {@code repository:<from>:pull} for a mount), so docker, podman and skopeo ask the token
 * endpoint for exactly that. Whatever answers the 401 (the authentication mechanism, a refused
 * token, a route), the scope is added to its Bearer challenge just before the headers go out.
 * The services that answer the distribution API (gateway, registry) {@link #install} it; it is
 * no bean, so the others do not.
 */
public final class ChallengeScope {

    private static final String[] OPERATIONS = {"/blobs/", "/manifests/", "/tags/", "/referrers/"};

    private ChallengeScope() {
    }

    /** Adds the scope to the challenges of {@code /v2/*}, ahead of every other route. */
    public static void install(Router router) {
        router.route("/v2/*").order(Integer.MIN_VALUE).handler(ctx -> {
            scopeOf(ctx.request().method(), ctx.normalizedPath(), ctx.request().getParam("mount"),
                    ctx.request().getParam("from"))
                    .ifPresent(scope -> ctx.addHeadersEndHandler(v -> addTo(ctx, scope)));
            ctx.next();
        });
    }

    private static void addTo(RoutingContext ctx, String scope) {
        String challenge = ctx.response().headers().get("WWW-Authenticate");
        if (ctx.response().getStatusCode() == 401 && challenge != null && challenge.startsWith("Bearer realm=")
                && !challenge.contains("scope=")) {
            ctx.response().headers().set("WWW-Authenticate", challenge + ",scope=\"" + scope + "\"");
        }
    }

    /** The scope a call needs, e.g. {@code repository:acme/app:pull}; empty for {@code /v2/} and the token endpoint. */
    public static Optional<String> scopeOf(HttpMethod method, String path, String mount, String from) {
        // the repository name is what comes before the last of the API's own segments (a name may hold "blobs")
        int operation = -1;
        for (String segment : OPERATIONS) {
            operation = Math.max(operation, path.lastIndexOf(segment));
        }
        if (!path.startsWith("/v2/") || operation <= "/v2".length()) {
            return Optional.empty();
        }
        String name = URLDecoder.decode(path.substring("/v2/".length(), operation), StandardCharsets.UTF_8);
        if (!isRepositoryName(name)) {
            return Optional.empty();
        }
        String actions = switch (method.name()) {
            case "GET", "HEAD" -> "pull";
            case "DELETE" -> "delete";
            default -> "pull,push";
        };
        String scope = "repository:" + name + ":" + actions;
        if (method == HttpMethod.POST && mount != null && from != null && isRepositoryName(from) && !from.equals(name)) {
            scope += " repository:" + from + ":pull";
        }
        return Optional.of(scope);
    }

    /** Only what a repository name may hold goes into the header: nothing that could end the quoted value. */
    private static boolean isRepositoryName(String text) {
        if (text.isEmpty() || text.length() > 256) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '/')) {
                return false;
            }
        }
        return true;
    }
}
