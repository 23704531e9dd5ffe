package dev.berth.agent.engine;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The host's container engine as the agent needs it, in the Docker Engine API's terms. One
 * implementation talks to Docker or Podman's API service; the rest of the agent knows only this.
 */
public interface ContainerEngine extends AutoCloseable {

    /** Registry credentials handed to the engine for one pull. */
    record RegistryAuth(String registry, String username, String password) {
    }

    /** @param finishedAt null while the container never ran to an end (running, or created and never started) */
    record ContainerInfo(String id, String name, Map<String, String> labels, boolean running, Integer exitCode,
                         boolean oomKilled, String error, Instant createdAt, Instant finishedAt) {
    }

    record ImageInfo(String id, List<String> references, long size, Instant created) {
    }

    /** Cumulative cpu time and current memory of a container. */
    record Usage(long cpuNanos, long memoryBytes) {
    }

    record ExecResult(int exitCode, String output) {
    }

    boolean imagePresent(String reference);

    void pull(String reference, RegistryAuth auth);

    String create(ContainerSpec spec);

    void start(String containerId);

    /** SIGTERM, then SIGKILL once {@code timeout} has passed. */
    void stop(String containerId, Duration timeout);

    /** What the engine's event stream says about containers that die. */
    interface DeathListener {
        /** The stream is open: deaths from now on arrive through {@link #died}. */
        void connected();

        void died(String containerId);

        /** The stream ended (engine gone, connection cut); nothing arrives until it is opened again. */
        void ended(String why);
    }

    /**
     * Follows the engine's event stream ({@code GET /events}) for the death of containers carrying
     * {@code label=value}, replaying those since {@code since}. One stream stands for every
     * container: never a {@code POST /containers/{id}/wait} per container, which Podman 4.3 serves
     * by polling in a tight loop. Closing the handle ends the stream.
     */
    Closeable followDeaths(String label, String value, Instant since, DeathListener listener);

    Optional<ContainerInfo> inspect(String containerId);

    /** Every container (running or not) carrying {@code label=value}. */
    List<ContainerInfo> containersLabelled(String label, String value);

    void remove(String containerId);

    /** Ids of the images some container (any, running or not) was created from. */
    Set<String> imagesInUse();

    List<ImageInfo> images();

    void removeImage(String imageId);

    /** Runs {@code command} inside the container and waits at most {@code timeout}. */
    ExecResult exec(String containerId, List<String> command, Duration timeout);

    Optional<Usage> usage(String containerId);

    /** The usage of each container that has one, asked all at once where the engine can. */
    default Map<String, Usage> usage(Collection<String> containerIds) {
        Map<String, Usage> usage = new HashMap<>();
        for (String id : containerIds) {
            usage(id).ifPresent(u -> usage.put(id, u));
        }
        return usage;
    }

    /**
     * Follows the container's output from {@code since} (or its start): each line with its stream
     * ("stdout"/"stderr") to {@code lines}. Closing the handle stops following.
     */
    Closeable followLogs(String containerId, Instant since, BiConsumer<String, String> lines);

    /** The address containers on the default bridge network reach the host at. */
    Optional<String> bridgeGateway();

    @Override
    void close();
}
