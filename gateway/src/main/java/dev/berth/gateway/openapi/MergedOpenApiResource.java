package dev.berth.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.common.error.ApiError;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.http.RequestIds;
import dev.berth.gateway.routing.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
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
 * Where the documents are fetched from and what {@code servers[]} says come from configuration
 * and the connection's own local address, never from the Host header; each document and the
 * merged one have a size limit.
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
    public Response merged(@Context HttpServerRequest request) throws IOException {
        CompletableFuture<JsonNode> own = fetch(ownBase(request.localAddress()));
        Map<String, CompletableFuture<JsonNode>> services = new HashMap<>();
        config.services().forEach((name, base) -> services.put(name, fetch(base)));
        Map<String, JsonNode> documents = new HashMap<>();
        services.forEach((name, document) -> documents.put(name, document.join()));
        JsonNode base = own.join();
        ObjectNode merged = OpenApiMerger.merge(base == null ? JSON.createObjectNode() : base, documents);
        merged.putArray("servers").addObject().put("url", config.publicUrl().toString());
        byte[] body = JSON.writeValueAsBytes(merged);
        long limit = config.openapi().maxMergedSize().asLongValue();
        if (body.length > limit) {
            return Response.status(ErrorCode.SERVICE_UNAVAILABLE.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(ErrorCode.SERVICE_UNAVAILABLE.code(), "The merged OpenAPI document is larger than "
                            + limit + " bytes (berth.gateway.openapi.max-merged-size).",
                            request.getHeader(RequestIds.HEADER)))
                    .build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The gateway itself, at the address this connection reached: the Host header plays no part. */
    static URI ownBase(SocketAddress local) {
        String host = local.hostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + local.port() + "/");
    }

    /** The document at {@code base}/q/openapi, or null when that service does not answer or it is too large. */
    private CompletableFuture<JsonNode> fetch(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).timeout(TIMEOUT).GET().build();
        long limit = config.openapi().maxDocumentSize().asLongValue();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    try (InputStream body = response.body()) {
                        if (response.statusCode() != 200) {
                            return null;
                        }
                        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                        return bytes.length > limit ? null : JSON.readTree(bytes);
                    } catch (IOException e) {
                        return (JsonNode) null;
                    }
                })
                .exceptionally(failure -> null);
    }
}
