package dev.berth.agent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The dispatch rules of ContainerExits, with an engine whose event stream the test opens, feeds
 * and cuts: every exit is delivered exactly once, however it is learnt.
 */
class ContainerExitsTest {

    /** Containers as the test sets them; each opening of the event stream is handed to the test. */
    private static final class ScriptedEngine extends UnsupportedEngine {
        final Map<String, ContainerInfo> containers = new ConcurrentHashMap<>();
        final BlockingQueue<DeathListener> streams = new LinkedBlockingQueue<>();

        void set(String id, boolean running, Integer exitCode) {
            containers.put(id, new ContainerInfo(id, id, Map.of(), running, exitCode, false, null, null, null));
        }

        DeathListener nextStream() throws InterruptedException {
            DeathListener stream = streams.poll(10, TimeUnit.SECONDS);
            assertTrue(stream != null, "the stream was opened");
            return stream;
        }

        @Override
        public Optional<ContainerInfo> inspect(String id) {
            return Optional.ofNullable(containers.get(id));
        }

        @Override
        public Closeable followDeaths(String label, String value, Instant since, DeathListener listener) {
            streams.add(listener);
            return () -> { };
        }
    }

    private final ScriptedEngine engine = new ScriptedEngine();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    private void watch(ContainerExits exits, String id) {
        exits.watch(id, info -> delivered.add(id + ":" + info.map(i -> String.valueOf(i.exitCode())).orElse("gone")));
    }

    @Test
    void aDeathEventDeliversTheExitOnceAndLaterNewsOfItDeliverNothing() throws Exception {
        try (ContainerExits exits = new ContainerExits(engine, "berth.host-id", "h-1")) {
            exits.start();
            ContainerEngine.DeathListener stream = engine.nextStream();
            stream.connected();
            engine.set("c1", true, null);
            watch(exits, "c1");
            stream.died("c1"); // a death event of a container still running (a restart): nothing yet
            assertEquals(List.of(), delivered);
            engine.set("c1", false, 7);
            stream.died("c1");
            stream.died("c1"); // replayed after a reconnect
            assertEquals(List.of("c1:7"), delivered);
            assertEquals(0, exits.watching());
        }
    }

    @Test
    void aContainerThatExitedBeforeItWasWatchedOrIsGoneIsDeliveredAtOnce() {
        try (ContainerExits exits = new ContainerExits(engine, "berth.host-id", "h-1")) {
            engine.set("quick", false, 3);
            watch(exits, "quick");
            watch(exits, "removed");
            assertEquals(List.of("quick:3", "removed:gone"), delivered);
        }
    }

    @Test
    void anExitWhileTheStreamIsDownIsDeliveredOnceWhenItIsOpenAgain() throws Exception {
        try (ContainerExits exits = new ContainerExits(engine, "berth.host-id", "h-1")) {
            exits.start();
            ContainerEngine.DeathListener first = engine.nextStream();
            first.connected();
            engine.set("c1", true, null);
            engine.set("c2", true, null);
            watch(exits, "c1");
            watch(exits, "c2");
            first.ended("engine restarted");
            engine.set("c1", false, 5); // no event: the stream is down

            ContainerEngine.DeathListener second = engine.nextStream();
            second.connected(); // looks at every watched container
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (delivered.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            second.died("c1"); // and the replayed event of it
            assertEquals(List.of("c1:5"), delivered);
            assertEquals(1, exits.watching(), "c2 runs on and is still watched");
        }
    }
}
