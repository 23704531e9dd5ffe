package dev.berth.registry.limits;

import dev.berth.common.http.JsonBodyLimit;
import dev.berth.registry.config.RegistryConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The management API's body limit. The HTTP server's own limit is sized for layers on
 * {@code /v2/**} (which have their own checks: quota, manifest size); {@code /api/**} bodies are
 * JSON and held to {@code berth.registry.max-json-body-size} by {@link JsonBodyLimit}.
 */
@ApplicationScoped
public class ApiBodyLimit {

    @Inject
    RegistryConfig config;

    void install(@Observes Router router) {
        JsonBodyLimit json = new JsonBodyLimit(config.maxJsonBodySize().asLongValue(),
                "berth.registry.max-json-body-size", ctx -> true);
        router.route("/api/*").order(JsonBodyLimit.ROUTE_ORDER).handler(json::check).failureHandler(json::tooLarge);
    }
}
