package dev.berth.agent.images;

import dev.berth.agent.engine.ContainerEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Gets a task's images onto the host the way the ECS agent does: a tag is resolved to its digest
 * at Berth's registry with the host's token, the engine pulls {@code repository@digest} with the
 * host's credentials only when it does not hold that digest yet, and tasks asking for the same
 * digest at the same time wait for one pull.
 */
public final class ImagePuller {

    private static final Logger LOG = Logger.getLogger(ImagePuller.class.getName());
    private static final String ACCEPT = String.join(",",
            "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final ContainerEngine engine;
    private final URI gateway;
    private final Supplier<String> hostToken;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, CompletableFuture<Void>> pulling = new ConcurrentHashMap<>();
    private final AtomicLong pulls = new AtomicLong();

    /**
     * @param gateway     Berth's gateway: images whose registry is its host and port are Berth's
     * @param clientId    with {@code clientSecret}, the host's credentials the engine logs in to Berth's registry with
     */
    public ImagePuller(ContainerEngine engine, URI gateway, Supplier<String> hostToken, String clientId,
                       String clientSecret) {
        this.engine = engine;
        this.gateway = gateway;
        this.hostToken = hostToken;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** The reference a container is created from: pinned to a digest for Berth's images. */
    public String ensure(String image) {
        ImageReference reference = ImageReference.parse(image);
        boolean berth = isBerthRegistry(reference.registry());
        String pinned = berth ? reference.pinned(reference.digest() != null ? reference.digest() : resolve(reference))
                : image;
        if (engine.imagePresent(pinned)) {
            return pinned;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = pulling.putIfAbsent(pinned, mine);
        if (running != null) {
            running.join();
            return pinned;
        }
        try {
            if (!engine.imagePresent(pinned)) {
                pulls.incrementAndGet();
                engine.pull(pinned, berth ? new ContainerEngine.RegistryAuth(reference.registry(), clientId, clientSecret)
                        : null);
            }
            mine.complete(null);
            return pinned;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            pulling.remove(pinned, mine);
        }
    }

    /** How many pulls the engine was asked for (a test sees coalescing). */
    public long pulls() {
        return pulls.get();
    }

    /** Berth's registry is the gateway, also when an image names it as localhost or 127.0.0.1. */
    public boolean isBerthRegistry(String registry) {
        if (registry == null) {
            return false;
        }
        int colon = registry.lastIndexOf(':');
        String host = colon < 0 ? registry : registry.substring(0, colon);
        int port = colon < 0 ? 443 : Integer.parseInt(registry.substring(colon + 1));
        int gatewayPort = gateway.getPort() > 0 ? gateway.getPort() : "https".equals(gateway.getScheme()) ? 443 : 80;
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        boolean gatewayLocal = gateway.getHost().equals("localhost") || gateway.getHost().equals("127.0.0.1");
        return port == gatewayPort && (host.equals(gateway.getHost()) || local && gatewayLocal);
    }

    private String resolve(ImageReference reference) {
        URI manifest = gateway.resolve("/v2/" + reference.repository() + "/manifests/" + reference.manifestReference());
        HttpRequest request = HttpRequest.newBuilder(manifest).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + hostToken.get()).header("Accept", ACCEPT).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new ImagePullException("CannotPullContainerError: " + reference.repository() + ":"
                        + reference.tag() + " not found in Berth's registry (HTTP " + response.statusCode() + ")");
            }
            return response.headers().firstValue("Docker-Content-Digest").orElseThrow(
                    () -> new ImagePullException("CannotPullContainerError: the registry named no digest for " + manifest));
        } catch (IOException e) {
            LOG.warning("registry not reachable: " + e.getMessage());
            throw new ImagePullException("CannotPullContainerError: registry not reachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagePullException("CannotPullContainerError: interrupted");
        }
    }

    /** The image could not be resolved or pulled; the message is the task's stopped reason. */
    public static final class ImagePullException extends RuntimeException {
        public ImagePullException(String message) {
            super(message);
        }
    }
}
