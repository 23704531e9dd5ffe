package dev.berth.agent.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.agent.engine.UnsupportedEngine;
import java.io.Closeable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The puller's own rules (cache, one pull per image at a time), with an engine that only counts pulls. */
class ImagePullerTest {

    /** Holds images in memory; a pull waits until the test lets it finish. */
    private static final class CountingEngine extends UnsupportedEngine {
        final Set<String> images = ConcurrentHashMap.newKeySet();
        final AtomicInteger pulls = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public boolean imagePresent(String reference) {
            return images.contains(reference);
        }

        @Override
        public void pull(String reference, RegistryAuth auth) {
            pulls.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            images.add(reference);
        }
    }

    @Test
    void tasksAskingForTheSameImageAtOnceShareOnePullAndACachedImageIsNotPulledAgain() throws Exception {
        CountingEngine engine = new CountingEngine();
        ImagePuller puller = new ImagePuller(engine, URI.create("http://127.0.0.1:8080"), () -> "t", "id", "s");
        ExecutorService tasks = Executors.newFixedThreadPool(5);
        try {
            List<Future<String>> asked = List.of(
                    tasks.submit(() -> puller.ensure("registry.example.com/app:1")),
                    tasks.submit(() -> puller.ensure("registry.example.com/app:1")),
                    tasks.submit(() -> puller.ensure("registry.example.com/app:1")),
                    tasks.submit(() -> puller.ensure("registry.example.com/app:1")),
                    tasks.submit(() -> puller.ensure("registry.example.com/app:1")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (engine.pulls.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // every task has asked by now
            engine.release.countDown();
            for (Future<String> answer : asked) {
                assertEquals("registry.example.com/app:1", answer.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, engine.pulls.get(), "one pull for five tasks");
            puller.ensure("registry.example.com/app:1");
            assertEquals(1, engine.pulls.get(), "cached");
            assertTrue(engine.images.contains("registry.example.com/app:1"));
        } finally {
            tasks.shutdownNow();
        }
    }
}
