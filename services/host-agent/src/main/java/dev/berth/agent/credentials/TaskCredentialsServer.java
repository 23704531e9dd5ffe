package dev.berth.agent.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.berth.agent.Threads;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The task role credentials endpoint (ECS's 169.254.170.2 endpoint). It listens only on the
 * address the host's containers reach it at (the container network's gateway), never on every
 * interface. Each task with a role gets an unguessable path and an authorization key of its own,
 * both put in its containers' environment ({@code BERTH_CONTAINER_CREDENTIALS_URI},
 * {@code BERTH_CONTAINER_AUTHORIZATION_TOKEN}, as ECS's AWS_CONTAINER_CREDENTIALS_FULL_URI and
 * AWS_CONTAINER_AUTHORIZATION_TOKEN); a GET on the path with the key in its {@code Authorization}
 * header answers that task's current token, fetched from the platform with the host's token and
 * fetched again once half its life is gone. Both are HMACs of the task id under the agent's own
 * random key ({@link EndpointKey}), so a restarted agent serves the tasks its running containers
 * know, and neither reveals the host's credentials.
 *
 * <p>The container network's gateway address exists on the host only once a container uses the
 * network (Podman creates its bridge on demand), so binding is retried every second until it holds.
 */
public final class TaskCredentialsServer implements AutoCloseable {

    public static final String ENVIRONMENT = "BERTH_CONTAINER_CREDENTIALS_URI";
    public static final String AUTHORIZATION_ENVIRONMENT = "BERTH_CONTAINER_AUTHORIZATION_TOKEN";
    private static final String PREFIX = "/v1/credentials/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(TaskCredentialsServer.class.getName());
    private static final Duration BIND_RETRY = Duration.ofSeconds(1);

    /** What a task's containers are given: the URI to ask and the key to show. */
    public record TaskEndpoint(String uri, String authorization) {
    }

    private record Cached(String body, Instant refreshAt) {
    }

    private record Registered(String taskId, String authorization) {
    }

    private final InetAddress address;
    private final int port;
    private final URI gateway;
    private final Supplier<String> hostToken;
    private final ScheduledExecutorService timer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Registered> byPath = new ConcurrentHashMap<>();
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private volatile HttpServer server;
    private volatile boolean closed;

    /**
     * @param address where the host's containers reach the agent (the container network's gateway)
     * @param port    0 for any free port
     * @param key     the agent's own endpoint key ({@link EndpointKey}), never the host's credentials
     */
    public TaskCredentialsServer(InetAddress address, int port, URI gateway, Supplier<String> hostToken, byte[] key,
                                 ScheduledExecutorService timer) throws IOException {
        this.address = address;
        this.port = port != 0 ? port : freePort();
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.gateway = gateway;
        this.hostToken = hostToken;
        this.timer = timer;
        bind();
    }

    public int port() {
        return port;
    }

    public String host() {
        return address.getHostAddress();
    }

    /** Whether it listens yet (the address may appear only with the first container). */
    public boolean listening() {
        return server != null;
    }

    /** The endpoint of {@code taskId}'s credentials, for its containers' environment. */
    public TaskEndpoint register(String taskId) {
        String path = hmac("path/" + taskId);
        String authorization = hmac("authorization/" + taskId);
        byPath.put(path, new Registered(taskId, authorization));
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : host();
        return new TaskEndpoint("http://" + host + ":" + port + PREFIX + path, authorization);
    }

    public void forget(String taskId) {
        byPath.values().removeIf(r -> r.taskId().equals(taskId));
        tokens.remove(taskId);
    }

    private synchronized void bind() throws IOException {
        if (closed || server != null) {
            return;
        }
        HttpServer created = HttpServer.create();
        try {
            created.bind(new InetSocketAddress(address, port), 64);
        } catch (BindException e) {
            if (!"Cannot assign requested address".equals(e.getMessage())) {
                throw e;
            }
            LOG.fine("task credentials endpoint: " + address.getHostAddress() + " is not on this host yet, trying again");
            timer.schedule(this::bindAgain, BIND_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        created.createContext("/", this::handle);
        created.setExecutor(Threads.pool("task-credentials"));
        created.start();
        server = created;
        LOG.info("task credentials endpoint on " + address.getHostAddress() + ":" + port);
    }

    private void bindAgain() {
        try {
            bind();
        } catch (IOException e) {
            LOG.warning("task credentials endpoint cannot listen on " + address.getHostAddress() + ":" + port + ": "
                    + e.getMessage());
            timer.schedule(this::bindAgain, BIND_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Registered task = path.startsWith(PREFIX) ? byPath.get(path.substring(PREFIX.length())) : null;
            if (!"GET".equals(exchange.getRequestMethod()) || task == null) {
                send(exchange, 404, "{\"code\":\"NotFound\",\"message\":\"no credentials here\"}");
                return;
            }
            String shown = exchange.getRequestHeaders().getFirst("Authorization");
            if (shown == null || !MessageDigest.isEqual(shown.getBytes(StandardCharsets.UTF_8),
                    task.authorization().getBytes(StandardCharsets.UTF_8))) {
                send(exchange, 401, "{\"code\":\"Unauthorized\",\"message\":\"send the task's "
                        + AUTHORIZATION_ENVIRONMENT + " in the Authorization header\"}");
                return;
            }
            try {
                send(exchange, 200, token(task.taskId()));
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

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A port free now on the loopback, for an address that may not exist yet. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop(0);
        }
    }
}
