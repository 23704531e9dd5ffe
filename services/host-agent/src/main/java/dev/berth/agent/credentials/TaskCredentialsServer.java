package dev.berth.agent.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The task role credentials endpoint (ECS's 169.254.170.2 endpoint): each task with a role gets an
 * unguessable path (an HMAC of the task id under a key only the agent holds, so a restarted agent
 * serves the paths its running containers already know), put in its containers' environment as {@code BERTH_CONTAINER_CREDENTIALS_URI};
 * a GET there answers that task's current token, fetched from the platform with the host's token
 * and fetched again once half of its life is gone. Any other path is 404.
 */
public final class TaskCredentialsServer implements AutoCloseable {

    public static final String ENVIRONMENT = "BERTH_CONTAINER_CREDENTIALS_URI";
    private static final String PREFIX = "/v1/credentials/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(String body, Instant refreshAt) {
    }

    private final HttpServer server;
    private final URI gateway;
    private final Supplier<String> hostToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> taskBySecret = new ConcurrentHashMap<>();
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();

    private final SecretKeySpec pathKey;

    public TaskCredentialsServer(InetSocketAddress address, URI gateway, Supplier<String> hostToken, byte[] pathKey)
            throws IOException {
        this.pathKey = new SecretKeySpec(pathKey, "HmacSHA256");
        this.gateway = gateway;
        this.hostToken = hostToken;
        this.server = HttpServer.create(address, 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The path of {@code taskId}'s credentials; the caller puts {@code base + path} into the environment. */
    public String register(String taskId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pathKey);
            String key = HexFormat.of().formatHex(mac.doFinal(taskId.getBytes(StandardCharsets.UTF_8)));
            taskBySecret.put(key, taskId);
            return PREFIX + key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public void forget(String taskId) {
        taskBySecret.values().removeIf(taskId::equals);
        tokens.remove(taskId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String taskId = path.startsWith(PREFIX) ? taskBySecret.get(path.substring(PREFIX.length())) : null;
            if (!"GET".equals(exchange.getRequestMethod()) || taskId == null) {
                send(exchange, 404, "{\"code\":\"NotFound\",\"message\":\"no credentials here\"}");
                return;
            }
            try {
                send(exchange, 200, token(taskId));
            } catch (RuntimeException e) {
                send(exchange, 503, "{\"code\":\"CredentialsUnavailable\",\"message\":"
                        + JSON.writeValueAsString(String.valueOf(e.getMessage())) + "}");
            }
        }
    }

    private String token(String taskId) {
        Cached cached = tokens.get(taskId);
        if (cached != null && Instant.now().isBefore(cached.refreshAt())) {
            return cached.body();
        }
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/iam/v1/task-credentials/" + taskId))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + hostToken.get()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the platform answered HTTP " + response.statusCode());
            }
            JsonNode token = JSON.readTree(response.body());
            Instant expiration = Instant.parse(token.path("expiration").asText());
            Instant now = Instant.now();
            tokens.put(taskId, new Cached(response.body(), now.plus(Duration.between(now, expiration).dividedBy(2))));
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the platform is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
