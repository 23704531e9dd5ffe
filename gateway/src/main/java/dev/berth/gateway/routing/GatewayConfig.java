package dev.berth.gateway.routing;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Map;

@ConfigMapping(prefix = "berth.gateway")
public interface GatewayConfig {

    /** Base URL of each service by its API name (the {@code <service>} of {@code /api/<service>/v1}). */
    Map<String, URI> services();
}
