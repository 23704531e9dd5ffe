package dev.berth.gateway.ratelimit;

import dev.berth.common.auth.JwtClaims;
import dev.berth.common.auth.Principal;
import dev.berth.common.error.ApiError;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.http.RegistryChallenge;
import dev.berth.common.http.RequestIds;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/** Applies the rate limits to every API call, after authentication and before routing. */
@ApplicationScoped
public class RateLimitRoute {

    /** After authentication, before the proxy (1000) and the gateway's own resources. */
    private static final int ROUTE_ORDER = 900;

    @Inject
    RateLimitConfig config;

    void install(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        RateLimiter api = new RateLimiter(config.tenant(), config.client());
        RateLimiter registry = new RateLimiter(config.registry().tenant(), config.registry().client());
        router.routeWithRegex("^/(api/.*|v2(/.*)?)$").order(ROUTE_ORDER).handler(ctx -> {
            boolean imageData = RegistryChallenge.appliesTo(ctx.normalizedPath());
            admit(imageData ? registry : api, imageData, ctx);
        });
    }

    private static void admit(RateLimiter limiter, boolean imageData, RoutingContext ctx) {
        Optional<Duration> wait;
        Optional<Principal> caller = ctx.user() instanceof QuarkusHttpUser user
                ? JwtClaims.principalOf(user.getSecurityIdentity()) : Optional.empty();
        if (caller.isPresent()) {
            wait = limiter.admit(caller.get().tenant().orElse(null), caller.get().subject(), System.nanoTime());
        } else {
            // the few paths open without a token (registry logins, host registration) are limited by address,
            // which also slows down password guessing
            wait = limiter.admit(null, "address:" + ctx.request().remoteAddress().hostAddress(), System.nanoTime());
        }
        if (wait.isEmpty()) {
            ctx.next();
            return;
        }
        long retryAfterSeconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        String message = "Rate exceeded; retry after " + retryAfterSeconds + "s.";
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        if (imageData) {
            RegistryChallenge.write(ctx, 429, "TOOMANYREQUESTS", message);
            return;
        }
        ApiError error = new ApiError(ErrorCode.THROTTLING.code(),
                message, ctx.request().getHeader(RequestIds.HEADER));
        ctx.response().setStatusCode(ErrorCode.THROTTLING.status())
                .putHeader("Content-Type", "application/json")
                .end(Json.encode(error));
    }
}
