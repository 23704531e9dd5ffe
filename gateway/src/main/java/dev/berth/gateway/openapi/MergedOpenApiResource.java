package dev.berth.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.gateway.routing.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /openapi}: one OpenAPI document for the whole platform, the gateway's own merged
 * with every service's (fetched when asked). Swagger UI at {@code /q/swagger-ui} shows it.
 */
@Path("/openapi")
public class MergedOpenApiResource {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    GatewayConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode merged(@Context UriInfo uri) {
        CompletableFuture<JsonNode> own = fetch(uri.getBaseUri());
        Map<String, CompletableFuture<JsonNode>> services = new HashMap<>();
        config.services().forEach((name, base) -> services.put(name, fetch(base)));
        Map<String, JsonNode> documents = new HashMap<>();
        services.forEach((name, document) -> documents.put(name, document.join()));
        JsonNode base = own.join();
        return OpenApiMerger.merge(base == null ? JSON.createObjectNode() : base, documents);
    }

    /** The document at {@code base}/q/openapi, or null when that service does not answer. */
    private CompletableFuture<JsonNode> fetch(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        return null;
                    }
                    try {
                        return JSON.readTree(response.body());
                    } catch (Exception e) {
                        return (JsonNode) null;
                    }
                })
                .exceptionally(failure -> null);
    }
}
