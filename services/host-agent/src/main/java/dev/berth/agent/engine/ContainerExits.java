package dev.berth.agent.engine;

import dev.berth.agent.Threads;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The exits of this host's containers, from one event stream of the engine for the whole agent
 * (as the ECS agent follows Docker's events), dispatched to whoever watches each container. A
 * container's exit is delivered exactly once: when its death event arrives, when watching starts
 * after it already exited, or when the stream is opened again after it exited while the stream
 * was down (every watched container is inspected then).
 */
public final class ContainerExits implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ContainerExits.class.getName());
    /** Deaths this long before a (re)connect are replayed, so none falls between the stream's request and its start. */
    private static final Duration REPLAY = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ContainerEngine engine;
    private final String label;
    private final String value;
    private final Map<String, Consumer<Optional<ContainerEngine.ContainerInfo>>> watched = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile boolean closed;
    /** Whether the stream's loss was logged already: once per outage, not per attempt. */
    private volatile boolean downLogged;
    private Closeable stream;

    /** Follows the containers labelled {@code label=value} (the agent's host id label). */
    public ContainerExits(ContainerEngine engine, String label, String value) {
        this.engine = engine;
        this.label = label;
        this.value = value;
    }

    /** Opens the stream, and opens it again whenever it ends, until closed. */
    public void start() {
        Threads.start("container-exits", this::follow);
    }

    /**
     * Calls {@code exited} once when the container has exited: with what the engine says of it
     * then, or empty when the container is gone.
     */
    public void watch(String containerId, Consumer<Optional<ContainerEngine.ContainerInfo>> exited) {
        watched.put(containerId, exited);
        check(containerId);
    }

    /** Stops watching (the watcher stopped the container itself or is gone). */
    public void forget(String containerId) {
        watched.remove(containerId);
    }

    /** How many containers are watched. */
    public int watching() {
        return watched.size();
    }

    private void check(String containerId) {
        if (!watched.containsKey(containerId)) {
            return;
        }
        Optional<ContainerEngine.ContainerInfo> info;
        try {
            info = engine.inspect(containerId);
        } catch (RuntimeException e) {
            LOG.fine("cannot inspect " + containerId + " (again once the engine answers): " + e.getMessage());
            return;
        }
        if (info.isPresent() && info.get().running()) {
            return;
        }
        Consumer<Optional<ContainerEngine.ContainerInfo>> watcher = watched.remove(containerId);
        if (watcher != null) {
            watcher.accept(info);
        }
    }

    private void follow() {
        Duration backoff = Duration.ofMillis(500);
        while (!closed) {
            Listener listener = new Listener();
            Closeable opened = null;
            try {
                opened = engine.followDeaths(label, value, Instant.now().minus(REPLAY), listener);
            } catch (RuntimeException e) {
                listener.ended("cannot open it: " + e.getMessage());
            }
            synchronized (lock) {
                stream = opened;
            }
            listener.awaitEnd();
            closeQuietly(opened);
            if (closed) {
                return;
            }
            backoff = listener.connected ? Duration.ofMillis(500) : backoff;
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Events of one opening of the stream. */
    private final class Listener implements ContainerEngine.DeathListener {
        private volatile boolean connected;
        private boolean ended;

        @Override
        public void connected() {
            connected = true;
            if (downLogged) {
                LOG.info("the engine's event stream is open again; looking at every container followed");
                downLogged = false;
            }
            // what exited while the stream was down is found by asking the engine, on a thread of its
            // own so that the stream is read meanwhile
            List<String> ids = List.copyOf(watched.keySet());
            if (!ids.isEmpty()) {
                Threads.start("container-exits-resync", () -> ids.forEach(ContainerExits.this::check));
            }
        }

        @Override
        public void died(String containerId) {
            check(containerId);
        }

        @Override
        public synchronized void ended(String why) {
            if (!ended && !closed && !downLogged) {
                LOG.warning("the engine's event stream ended (" + why + "); opening it again until it answers");
                downLogged = true;
            }
            ended = true;
            notifyAll();
        }

        synchronized void awaitEnd() {
            while (!ended && !closed) {
                try {
                    wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            // ended anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            closeQuietly(stream);
        }
    }
}
