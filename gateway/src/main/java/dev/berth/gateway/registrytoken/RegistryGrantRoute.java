package dev.berth.gateway.registrytoken;

import dev.berth.common.error.ApiError;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.http.ChallengeScope;
import dev.berth.common.http.RegistryChallenge;
import dev.berth.common.http.RequestIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Holds a token from {@code /v2/token} to the scope it was granted: on the distribution API only
 * the repositories and actions granted (else 401 {@code insufficient_scope} naming the scope the
 * call needs, so the client asks for a token with it), and no management API at all. Tokens
 * without a grant (a person's, a service account's, a host's or a task's own) are not touched.
 */
@ApplicationScoped
public class RegistryGrantRoute {

    private static final Logger LOG = Logger.getLogger(RegistryGrantRoute.class);
    /** After authentication, before rate limits (900), the proxy (1000) and the gateway's own resources. */
    private static final int ROUTE_ORDER = 850;
    private static final String BEARER = "Bearer ";

    @Inject
    RegistryGrants grants;

    void install(@Observes Router router) {
        ChallengeScope.install(router);
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String token = bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        String path = ctx.normalizedPath();
        if (token == null || path.equals(RegistryChallenge.TOKEN_PATH) || path.startsWith("/q/") || path.equals("/openapi")) {
            ctx.next();
            return;
        }
        ctx.request().pause();
        grants.lookup(token).onComplete(result -> {
            ctx.request().resume();
            if (result.failed()) {
                LOG.errorf(result.cause(), "registry grant lookup failed for %s", path);
                ctx.fail(503);
                return;
            }
            decide(ctx, path, result.result());
        });
    }

    private static void decide(RoutingContext ctx, String path, Optional<GrantedScope> granted) {
        if (granted.isEmpty() || path.equals("/v2") || path.equals("/v2/")) {
            ctx.next();
            return;
        }
        if (!RegistryChallenge.appliesTo(path)) {
            ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(Json.encode(new ApiError(ErrorCode.ACCESS_DENIED.code(), "This token was issued by /v2/token for "
                            + "the registry only; the API takes the caller's own token.",
                            ctx.request().getHeader(RequestIds.HEADER))));
            return;
        }
        Optional<String> needed = ChallengeScope.scopeOf(ctx.request().method(), path,
                ctx.request().getParam("mount"), ctx.request().getParam("from"));
        if (needed.isPresent() && granted.get().allowsAll(needed.get())) {
            ctx.next();
            return;
        }
        String scope = needed.orElse("");
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"" + realm(ctx) + "\",service=\""
                + RegistryChallenge.SERVICE + "\"" + (scope.isEmpty() ? "" : ",scope=\"" + scope + "\"")
                + ",error=\"insufficient_scope\"");
        RegistryChallenge.write(ctx, 401, "UNAUTHORIZED", "the token was not granted " + (scope.isEmpty()
                ? "this call" : scope) + "; ask /v2/token for that scope");
    }

    /** The token endpoint as this client reached the gateway. */
    private static String realm(RoutingContext ctx) {
        return ctx.request().scheme() + "://" + ctx.request().authority() + RegistryChallenge.TOKEN_PATH;
    }

    private static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
