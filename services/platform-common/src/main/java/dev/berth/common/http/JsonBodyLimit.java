package dev.berth.common.http;

import dev.berth.common.error.ApiError;
import dev.berth.common.error.ErrorCode;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Predicate;

/**
 * The body limit of JSON API calls, where the HTTP server's own limit is sized for image layers:
 * a declared length over the limit is refused before any of the body is read, a chunked body is
 * either read here up to the limit before a resource sees it (such bodies are small by
 * definition) or, where the caller streams it on, only capped. Every refusal is the platform's
 * JSON error naming the limit and the setting that changes it. A service routes the calls it
 * holds to the limit to {@link #check} and {@link #tooLarge} at {@link #ROUTE_ORDER}.
 */
public final class JsonBodyLimit {

    /** Right after Quarkus's own upload limit, before any route or resource reads the body. */
    public static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;
    public static final String CODE = ErrorCode.REQUEST_TOO_LARGE.code();

    private final long limit;
    private final String setting;
    private final Predicate<RoutingContext> readsChunkedBody;
    private final BodyHandler chunkedBodies;

    /**
     * @param limit            bytes a body may hold
     * @param setting          the configuration key of the limit, named in the error
     * @param readsChunkedBody whether a chunked body of this call is read here, up to the limit
     */
    public JsonBodyLimit(long limit, String setting, Predicate<RoutingContext> readsChunkedBody) {
        this.limit = limit;
        this.setting = setting;
        this.readsChunkedBody = readsChunkedBody;
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(limit).setDeleteUploadedFilesOnEnd(true);
    }

    public long limit() {
        return limit;
    }

    /** The route's handler. */
    public void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > limit) {
            write(ctx);
            return;
        }
        ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
        if (length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
                && readsChunkedBody.test(ctx)) {
            chunkedBodies.handle(ctx); // fails the request with 413 past the limit
            return;
        }
        ctx.next();
    }

    /** The route's failure handler: a 413 of the server or of {@link #check} as the JSON error. */
    public void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        write(ctx);
    }

    /** The 413 answer, naming the limit and the setting that changes it. */
    public ApiError error(String requestId) {
        return new ApiError(CODE, "The request body is larger than the limit of " + limit
                + " bytes for API calls (" + setting + ").", requestId);
    }

    private void write(RoutingContext ctx) {
        // the rest of the body is never read: the connection cannot carry another request
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(error(ctx.request().getHeader(RequestIds.HEADER))));
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
