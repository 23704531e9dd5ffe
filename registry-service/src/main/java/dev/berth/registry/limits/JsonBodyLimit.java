package dev.berth.registry.limits;

import dev.berth.common.error.ApiError;
import dev.berth.common.http.RequestIds;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The management API's body limit. The HTTP server's own limit is sized for layers on
 * {@code /v2/**} (which have their own checks: quota, manifest size); {@code /api/**} bodies are
 * JSON and held to {@code berth.registry.max-json-body-size}: a declared length over it is
 * refused before anything is read, a chunked one is read here up to the limit before a resource
 * sees it (such bodies are small by definition); either way the answer is the platform's JSON
 * error naming the limit.
 */
@ApplicationScoped
public class JsonBodyLimit {

    /** Right after Quarkus's own upload limit, before any resource reads the body. */
    private static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;

    @ConfigProperty(name = "berth.registry.max-json-body-size", defaultValue = "1M")
    MemorySize limit;

    private BodyHandler chunkedBodies;

    void install(@Observes Router router) {
        chunkedBodies = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        router.route("/api/*").order(ROUTE_ORDER).handler(this::check).failureHandler(this::tooLarge);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > limit.asLongValue()) {
            write(ctx);
            return;
        }
        ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit.asLongValue());
        if (length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            chunkedBodies.handle(ctx); // fails the request with 413 past the limit
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        write(ctx);
    }

    private void write(RoutingContext ctx) {
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(new ApiError("RequestEntityTooLargeException", "The request body is larger than "
                        + "the limit of " + limit.asLongValue() + " bytes for API calls "
                        + "(berth.registry.max-json-body-size).", ctx.request().getHeader(RequestIds.HEADER))));
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
