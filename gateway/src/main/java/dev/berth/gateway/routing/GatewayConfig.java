package dev.berth.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** The largest request body of an API call (everything but image data on {@code /v2/<name>/...}). */
    @WithDefault("1M")
    MemorySize maxJsonBodySize();

    /**
     * The gateway's address as clients reach it: the merged OpenAPI document's {@code servers[]}.
     * Never taken from a request's Host header, which the client chooses.
     */
    @WithDefault("http://127.0.0.1:8080")
    URI publicUrl();

    OpenApi openapi();

    /** Bounds of the merged OpenAPI document ({@code GET /openapi}). */
    interface OpenApi {
        /** The largest service document fetched; a larger one is left out and listed as unavailable. */
        @WithDefault("4M")
        MemorySize maxDocumentSize();

        /** The largest merged document served. */
        @WithDefault("16M")
        MemorySize maxMergedSize();
    }
}
