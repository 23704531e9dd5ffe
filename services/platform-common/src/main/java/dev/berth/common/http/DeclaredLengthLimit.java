package dev.berth.common.http;

import dev.berth.common.error.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP server's body limit ({@code quarkus.http.limits.max-body-size}) for a declared
 * Content-Length, answered so that the answer arrives. Quarkus's own check answers an empty 413
 * and closes the connection at once, while the caller is still sending: the unread body makes
 * the connection reset, and the answer is lost on its way, so that the gateway in front saw a
 * reset and answered 503. Here the rest of the body is read and dropped first (up to
 * {@link #DRAIN_AT_MOST}; past that the connection is closed as before), then the platform's
 * JSON 413 is sent and the connection closed. Routed just before Quarkus's check.
 */
public final class DeclaredLengthLimit implements Handler<RoutingContext> {

    /** Beyond this much unread body, the connection is closed without an answer. */
    public static final long DRAIN_AT_MOST = 32L * 1024 * 1024;
    public static final String CODE = JsonBodyLimit.CODE;

    private final long limit;
    private final String setting;

    public DeclaredLengthLimit(long limit, String setting) {
        this.limit = limit;
        this.setting = setting;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = declaredLength(length);
        if (length == null || declared <= limit) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        if (declared > DRAIN_AT_MOST) {
            write(ctx); // too much to read: answered at once, whether or not the answer arrives
            return;
        }
        request.exceptionHandler(ignored -> { });
        request.handler(ignored -> { });
        request.endHandler(done -> {
            // all of the body is read: closing now ends the connection cleanly, the answer first
            ctx.response().endHandler(sent -> request.connection().close());
            write(ctx);
        });
        request.resume();
    }

    public ApiError error(String requestId) {
        return new ApiError(CODE, "The request body is larger than the limit of " + limit + " bytes ("
                + setting + ").", requestId);
    }

    private void write(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(error(ctx.request().getHeader(RequestIds.HEADER))));
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
