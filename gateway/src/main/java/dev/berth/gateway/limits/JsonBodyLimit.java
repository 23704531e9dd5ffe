package dev.berth.gateway.limits;

import dev.berth.common.error.ApiError;
import dev.berth.common.http.RegistryChallenge;
import dev.berth.common.http.RequestIds;
import dev.berth.gateway.routing.GatewayConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import dev.berth.gateway.routing.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The body limit of API calls ({@code /api/**}, the token endpoint): the gateway takes image
 * layers of any size on {@code /v2/<name>/...} (the registry checks those), so the HTTP
 * server's own limit is set for them, and everything else is held to
 * {@code berth.gateway.max-json-body-size} here. A declared length over the limit is refused
 * before any of the body is read; a chunked body is counted as it streams: on its way to a
 * service by the proxy ({@link LimitedReadStream}), for the gateway's own resources here, read
 * up to the limit before they see it (such bodies are small by definition). Every refusal is the
 * platform's JSON error naming the limit.
 */
@ApplicationScoped
public class JsonBodyLimit {

    /** Right after Quarkus's own upload limit (which sets the 16G of layer streams), before routing. */
    private static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;
    public static final String CODE = "RequestEntityTooLargeException";

    @Inject
    GatewayConfig config;

    private RouteTable routes;
    private BodyHandler chunkedBodies;

    void install(@Observes Router router) {
        routes = new RouteTable(config.services());
        chunkedBodies = BodyHandler.create(false).setBodyLimit(limit()).setDeleteUploadedFilesOnEnd(true);
        router.route().order(ROUTE_ORDER).handler(this::check).failureHandler(this::tooLarge);
    }

    /** Whether a path is held to the JSON body limit: everything but the distribution API's image data. */
    public static boolean appliesTo(String path) {
        return path == null || !RegistryChallenge.appliesTo(path);
    }

    public long limit() {
        return config.maxJsonBodySize().asLongValue();
    }

    private void check(RoutingContext ctx) {
        if (!appliesTo(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > limit()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            write(ctx, ctx.request().getHeader(RequestIds.HEADER));
            return;
        }
        ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit());
        if (length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
                && routes.backendFor(ctx.normalizedPath()).isEmpty()) {
            chunkedBodies.handle(ctx); // fails the request with 413 past the limit
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() != 413 || !appliesTo(ctx.normalizedPath()) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        write(ctx, ctx.request().getHeader(RequestIds.HEADER));
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void write(RoutingContext ctx, String requestId) {
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(error(requestId)));
    }

    /** The 413 answer, naming the limit and the setting that changes it. */
    public ApiError error(String requestId) {
        return new ApiError(CODE, "The request body is larger than the limit of " + limit()
                + " bytes for API calls (berth.gateway.max-json-body-size).", requestId);
    }
}
