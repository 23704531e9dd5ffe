package dev.berth.gateway.limits;

import dev.berth.common.error.ApiError;
import dev.berth.common.http.CappedReadStream;
import dev.berth.common.http.JsonBodyLimit;
import dev.berth.common.http.RegistryChallenge;
import dev.berth.gateway.routing.GatewayConfig;
import dev.berth.gateway.routing.RouteTable;
import io.vertx.ext.web.Router;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The body limit of API calls ({@code /api/**}, the token endpoint): the gateway takes image
 * layers of any size on {@code /v2/<name>/...} (the registry checks those), so the HTTP
 * server's own limit (16G) is set for them, and everything else is held to
 * {@code berth.gateway.max-json-body-size} by {@link JsonBodyLimit}. A chunked body is counted
 * as it streams: on its way to a service by the proxy ({@link CappedReadStream}), for the
 * gateway's own resources read up to the limit before they see it.
 */
@ApplicationScoped
public class ApiBodyLimit {

    @Inject
    GatewayConfig config;

    private JsonBodyLimit limit;

    @PostConstruct
    void create() {
        RouteTable routes = new RouteTable(config.services());
        limit = new JsonBodyLimit(config.maxJsonBodySize().asLongValue(), "berth.gateway.max-json-body-size",
                ctx -> routes.backendFor(ctx.normalizedPath()).isEmpty());
    }

    void install(@Observes Router router) {
        router.route().order(JsonBodyLimit.ROUTE_ORDER).handler(ctx -> {
            if (appliesTo(ctx.normalizedPath())) {
                limit.check(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (appliesTo(ctx.normalizedPath())) {
                limit.tooLarge(ctx);
            } else {
                ctx.next();
            }
        });
    }

    /** Whether a path is held to the JSON body limit: everything but the distribution API's image data. */
    public static boolean appliesTo(String path) {
        return path == null || !RegistryChallenge.appliesTo(path);
    }

    public long limit() {
        return limit.limit();
    }

    /** The 413 answer, naming the limit and the setting that changes it. */
    public ApiError error(String requestId) {
        return limit.error(requestId);
    }
}
