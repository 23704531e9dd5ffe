package dev.berth.common.http;

import dev.berth.common.error.ApiError;
import dev.berth.common.error.ErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every request an id and turns authentication failures, which happen before any
 * REST resource is reached, into the platform's JSON error instead of an empty 401.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    static final String MISSING_TOKEN_MESSAGE =
            "Missing bearer token: send 'Authorization: Bearer <token>' with a token from the berth realm.";

    /** The HTTP server's own body limit, checked here for declared lengths so that its 413 reaches the caller. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HttpErrorRoutes::assignRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpErrorRoutes::renderSecurityFailure);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(new DeclaredLengthLimit(maxBodySize.asLongValue(), "quarkus.http.limits.max-body-size"));
    }

    private static void assignRequestId(RoutingContext ctx) {
        String id = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        ctx.next();
    }

    private static void renderSecurityFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        boolean tokenSent = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (RegistryChallenge.appliesTo(ctx.normalizedPath())) {
            if (failure instanceof ForbiddenException) {
                RegistryChallenge.denied(ctx);
            } else if (isAuthenticationFailure(failure)) {
                RegistryChallenge.unauthorized(ctx, tokenSent);
            } else {
                ctx.next();
            }
            return;
        }
        if (failure instanceof ForbiddenException) {
            write(ctx, ErrorCode.ACCESS_DENIED, "You are not allowed to do this.");
        } else if (isAuthenticationFailure(failure)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            if (tokenSent) {
                write(ctx, ErrorCode.INVALID_TOKEN, "The bearer token is invalid or expired.");
            } else {
                write(ctx, ErrorCode.MISSING_TOKEN, MISSING_TOKEN_MESSAGE);
            }
        } else {
            ctx.next();
        }
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        return failure instanceof UnauthorizedException
                || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException;
    }

    static void write(RoutingContext ctx, ErrorCode error, String message) {
        int status = error.status();
        String code = error.code();
        if (ctx.response().ended()) {
            return;
        }
        String requestId = ctx.request().getHeader(RequestIds.HEADER);
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(new ApiError(code, message, requestId)));
    }
}
