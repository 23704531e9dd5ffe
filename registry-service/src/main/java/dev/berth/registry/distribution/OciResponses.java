package dev.berth.registry.distribution;

import dev.berth.common.http.RegistryChallenge;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Headers and error bodies every distribution API answer shares. */
final class OciResponses {

    static final String DIGEST_HEADER = "Docker-Content-Digest";
    static final String UPLOAD_UUID_HEADER = "Docker-Upload-UUID";

    private OciResponses() {
    }

    static HttpServerResponse response(RoutingContext ctx, int status) {
        return ctx.response().setStatusCode(status).putHeader(RegistryChallenge.API_VERSION_HEADER, "registry/2.0");
    }

    static void error(RoutingContext ctx, OciError.OciFailure failure) {
        RegistryChallenge.write(ctx, failure.status(), failure.error().name(), failure.getMessage());
    }

    static void serverError(RoutingContext ctx) {
        RegistryChallenge.write(ctx, 500, "UNKNOWN", "internal error; see the registry's log");
    }
}
