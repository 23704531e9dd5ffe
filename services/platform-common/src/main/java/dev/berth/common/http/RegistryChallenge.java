package dev.berth.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * How the OCI distribution API ({@code /v2/**}) answers a caller without a usable token: the
 * Docker token protocol's challenge, {@code WWW-Authenticate: Bearer realm="…/v2/token",
 * service="berth-registry"}, and the OCI error shape. This is what lets docker, podman and
 * skopeo find the token endpoint by themselves.
 */
public final class RegistryChallenge {

    public static final String SERVICE = "berth-registry";
    public static final String TOKEN_PATH = "/v2/token";
    public static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";

    private RegistryChallenge() {
    }

    /** The distribution API, apart from the token endpoint, which has a challenge of its own. */
    public static boolean appliesTo(String path) {
        return path != null && (path.equals("/v2") || path.startsWith("/v2/")) && !path.equals(TOKEN_PATH);
    }

    /** 401 with the Bearer challenge; {@code error="invalid_token"} when the token sent was refused. */
    public static void unauthorized(RoutingContext ctx, boolean tokenSent) {
        String challenge = "Bearer realm=\"" + tokenRealm(ctx.request()) + "\",service=\"" + SERVICE + "\""
                + (tokenSent ? ",error=\"invalid_token\"" : "");
        ctx.response().putHeader("WWW-Authenticate", challenge);
        write(ctx, 401, "UNAUTHORIZED", tokenSent ? "authentication failed: the token is invalid or expired"
                : "authentication required");
    }

    public static void denied(RoutingContext ctx) {
        write(ctx, 403, "DENIED", "requested access to the resource is denied");
    }

    /** An OCI error response: {@code {"errors":[{"code":…,"message":…}]}}. */
    public static void write(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject error = new JsonObject().put("code", code).put("message", message).putNull("detail");
        ctx.response()
                .setStatusCode(status)
                .putHeader(API_VERSION_HEADER, "registry/2.0")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    /** The token endpoint as the client reached us: through the gateway's forwarded headers when present. */
    static String tokenRealm(HttpServerRequest request) {
        String proto = firstValue(request.getHeader("X-Forwarded-Proto"));
        String host = firstValue(request.getHeader("X-Forwarded-Host"));
        if (proto == null) {
            proto = request.scheme();
        }
        if (host == null) {
            host = request.authority() != null ? request.authority().toString() : request.getHeader("Host");
        }
        return proto + "://" + host + TOKEN_PATH;
    }

    private static String firstValue(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
