package dev.berth.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Map;

@ConfigMapping(prefix = "berth.gateway")
public interface GatewayConfig {

    /** Base URL of each service by its API name (the {@code <service>} of {@code /api/<service>/v1}). */
    Map<String, URI> services();

    /**
     * How many agent channels (WebSockets to the scheduler) one gateway event loop may hold open:
     * each holds a backend connection for as long as the host is connected.
     */
    @WithDefault("20000")
    int agentConnectionsPerEventLoop();
}
