package dev.berth.agent.engine;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A container engine in memory for unit tests of what the agent does with containers: it records
 * every call, and the test drives what containers do (exit, get OOM-killed, answer their health
 * check, ignore SIGTERM). Containers are named by their {@link ContainerSpec#containerName()};
 * the calls are recorded as "verb name [detail]".
 */
public final class FakeEngine extends UnsupportedEngine {

    private static final int SIGTERMED = 143;
    private static final int SIGKILLED = 137;

    private static final class Box {
        final String name;
        volatile boolean running;
        volatile Integer exitCode;
        volatile boolean oomKilled;

        Box(String name) {
            this.name = name;
        }
    }

    private final Map<String, Box> byId = new ConcurrentHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Set<String> failingStarts = ConcurrentHashMap.newKeySet();
    private final Set<String> ignoringSigterm = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> healthExitCodes = new ConcurrentHashMap<>();
    private final Map<String, Usage> usages = new ConcurrentHashMap<>();
    private volatile DeathListener deaths;
    private final CountDownLatch streamOpen = new CountDownLatch(1);

    // --- what the test drives ---

    /** The container {@code name} exits on its own with {@code exitCode}; {@code oomKilled} as the engine says. */
    public void exit(String name, int exitCode, boolean oomKilled) {
        Box box = started(name);
        box.exitCode = exitCode;
        box.oomKilled = oomKilled;
        box.running = false;
        died(box);
    }

    /** The container's health check command exits with {@code exitCode} from now on (1 until told). */
    public void healthCheckExits(String name, int exitCode) {
        healthExitCodes.put(name, exitCode);
    }

    /** A stop of {@code name} runs out its timeout and kills it (a shell as PID 1 ignores SIGTERM). */
    public void ignoresSigterm(String name) {
        ignoringSigterm.add(name);
    }

    /**
     * From now on the container {@code name} has used {@code cpuNanos} of cpu time since it started
     * and uses {@code memoryBytes} of memory (what its cgroup says); without this it has no usage.
     */
    public void uses(String name, long cpuNanos, long memoryBytes) {
        usages.put(id(name), new Usage(cpuNanos, memoryBytes));
    }

    /** Starting {@code name} fails as the engine would. */
    public void failsToStart(String name) {
        failingStarts.add(name);
    }

    /** Every call so far, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls whose verb is {@code verb}. */
    public synchronized List<String> calls(String verb) {
        return calls.stream().filter(c -> c.startsWith(verb + " ")).toList();
    }

    private synchronized void record(String call) {
        calls.add(call);
    }

    /** The container {@code name} once the task started it (the test may run ahead of the task's thread). */
    private synchronized Box started(String name) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Box box = byId.get(id(name));
            if (box != null && box.running) {
                return box;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("container " + name + " was never started");
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }

    private void died(Box box) {
        try {
            if (!streamOpen.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("nobody follows the engine's events");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        deaths.died(id(box.name));
    }

    private static String id(String name) {
        return "id-" + name;
    }

    // --- the engine ---

    @Override
    public boolean imagePresent(String reference) {
        return true;
    }

    @Override
    public String create(ContainerSpec spec) {
        record("create " + spec.containerName());
        Box box = new Box(spec.containerName());
        byId.put(id(spec.containerName()), box);
        return id(spec.containerName());
    }

    @Override
    public void start(String id) {
        Box box = byId.get(id);
        record("start " + box.name);
        if (failingStarts.contains(box.name)) {
            throw new EngineException("cannot start " + box.name + ": no such file or directory");
        }
        synchronized (this) {
            box.running = true;
            notifyAll();
        }
    }

    @Override
    public void stop(String id, Duration timeout) {
        Box box = byId.get(id);
        record("stop " + box.name + " " + timeout.toSeconds() + "s");
        if (box.running) {
            box.exitCode = ignoringSigterm.contains(box.name) ? SIGKILLED : SIGTERMED;
            box.running = false;
            died(box);
        }
    }

    @Override
    public Closeable followDeaths(String label, String value, Instant since, DeathListener listener) {
        deaths = listener;
        listener.connected();
        streamOpen.countDown();
        return () -> { };
    }

    @Override
    public Optional<ContainerInfo> inspect(String id) {
        Box box = byId.get(id);
        if (box == null) {
            return Optional.empty();
        }
        return Optional.of(new ContainerInfo(id, box.name, Map.of(), box.running, box.exitCode, box.oomKilled, null,
                null, null));
    }

    @Override
    public void remove(String id) {
        Box box = byId.remove(id);
        record("remove " + (box == null ? id : box.name));
    }

    @Override
    public ExecResult exec(String id, List<String> command, Duration timeout) {
        Box box = byId.get(id);
        return new ExecResult(box == null ? -1 : healthExitCodes.getOrDefault(box.name, 1), "");
    }

    @Override
    public Optional<Usage> usage(String id) {
        Box box = byId.get(id);
        return box == null || !box.running ? Optional.empty() : Optional.ofNullable(usages.get(id));
    }

    @Override
    public Closeable followLogs(String id, Instant since, BiConsumer<String, String> lines) {
        return () -> { };
    }
}
