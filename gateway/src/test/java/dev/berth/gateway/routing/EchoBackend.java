package dev.berth.gateway.routing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A backend for the proxy tests: it reports what reached it (path, headers, body size and
 * digest, read chunk by chunk) and can stream a large body back. It stands in for "a service"
 * only; the token checks around it are the real Keycloak ones.
 */
public class EchoBackend implements QuarkusTestResourceLifecycleManager {

    static final int DOWNLOAD_CHUNKS = 512;
    static final int CHUNK_SIZE = 64 * 1024;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(EchoBackend::handle);
        int port;
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("echo backend did not start", e);
        }
        return Map.of(
                "berth.gateway.services.registry", "http://127.0.0.1:" + port,
                "berth.gateway.services.scheduler", "http://127.0.0.1:" + unusedPort());
    }

    /** Larger than the gateway takes from one service for the merged OpenAPI document (4 MiB). */
    static final int OPENAPI_DOCUMENT_BYTES = 5 * 1024 * 1024;

    private static void handle(HttpServerRequest request) {
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("openapi", "3.0.3")
                            .put("paths", new JsonObject().put("/echo/oversized", new JsonObject()
                                    .put("description", "x".repeat(OPENAPI_DOCUMENT_BYTES))))
                            .encode());
            return;
        }
        if (request.path().endsWith("/download")) {
            request.response().setChunked(true);
            Buffer chunk = Buffer.buffer(new byte[CHUNK_SIZE]);
            for (int i = 0; i < DOWNLOAD_CHUNKS; i++) {
                request.response().write(chunk);
            }
            request.response().end();
            return;
        }
        MessageDigest sha256 = sha256();
        long[] bytes = {0};
        request.handler(buffer -> {
            bytes[0] += buffer.length();
            sha256.update(buffer.getBytes());
        });
        request.endHandler(done -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("authorization", request.getHeader("Authorization"))
                        .put("traceparent", request.getHeader("traceparent"))
                        .put("requestId", request.getHeader("X-Request-Id"))
                        .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                        .put("bytes", bytes[0])
                        .put("sha256", HexFormat.of().formatHex(sha256.digest()))
                        .encode()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
