package dev.berth.agent.tasks;

import dev.berth.agent.Threads;
import dev.berth.agent.engine.ContainerEngine;
import dev.berth.agent.engine.ContainerExits;
import dev.berth.agent.engine.EngineException;
import dev.berth.agent.images.ImagePuller;
import dev.berth.agent.logs.LogForwarder;
import dev.berth.agent.protocol.AgentMessage;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One task on this host, run by its own (virtual) thread: pulls its images, creates its
 * containers, starts them in {@code dependsOn} order, then waits for what happens — a container
 * exits, a health check changes, a stop is asked — and reports each transition. An essential
 * container that exits stops the task; a stop sends each container SIGTERM and SIGKILL after its
 * stop timeout, dependents first.
 */
public final class TaskRun {

    private static final Logger LOG = Logger.getLogger(TaskRun.class.getName());
    static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";
    /** Podman on cgroups v1 does not tell OOM kills apart; SIGKILL under a hard limit the agent did not send is one. */
    static final String PROBABLE_OOM_REASON = OOM_REASON + " (killed under its memory limit; the engine did not confirm)";
    private static final int SIGKILLED = 137;

    /** Where the run's reports go (the agent channel) and who is told when it is over. */
    public interface Reports {
        void taskState(String taskArn, String lastStatus, List<AgentMessage.ContainerState> containers,
                       String stopCode, String stoppedReason);

        default void finished(TaskRun run) {
        }
    }

    private sealed interface Event {
    }

    private record Exited(String container, int exitCode, boolean oomKilled) implements Event {
    }

    private record HealthChanged(String container, String health) implements Event {
    }

    private record Stop(String reason) implements Event {
    }

    /** What the run knows of one container. */
    private static final class Container {
        final ContainerPlan plan;
        String id;
        boolean started;
        Integer exitCode;
        String reason;
        String health;
        Closeable logs;
        HealthMonitor monitor;

        Container(ContainerPlan plan) {
            this.plan = plan;
        }

        String status() {
            return exitCode != null ? "STOPPED" : started ? "RUNNING" : "PENDING";
        }
    }

    private final TaskPlan plan;
    private final ContainerEngine engine;
    private final ContainerExits exits;
    private final ImagePuller images;
    private final LogForwarder logs;
    private final Reports reports;
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final List<String> startedOrder = new ArrayList<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StartOrder order;
    private volatile String lastStatus = "PENDING";

    public TaskRun(TaskPlan plan, ContainerEngine engine, ContainerExits exits, ImagePuller images, LogForwarder logs,
                   Reports reports) {
        this.plan = plan;
        this.engine = engine;
        this.exits = exits;
        this.images = images;
        this.logs = logs;
        this.reports = reports;
        plan.containers().forEach(c -> containers.put(c.name(), new Container(c)));
        this.order = new StartOrder(plan.containers());
    }

    public TaskPlan plan() {
        return plan;
    }

    public String lastStatus() {
        return lastStatus;
    }

    /** Container name to engine id, for the containers created so far. */
    public synchronized Map<String, String> containerIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        containers.forEach((name, c) -> {
            if (c.id != null) {
                ids.put(name, c.id);
            }
        });
        return ids;
    }

    /** Runs a new task from its images. */
    public void start() {
        Threads.start("task-" + plan.taskId(), () -> run(null));
    }

    /**
     * Takes over a task a previous run of the agent started: its containers (name to engine id)
     * exist already; running ones are followed again, exited ones count as exited.
     */
    public void adopt(Map<String, ContainerEngine.ContainerInfo> existing) {
        Threads.start("task-" + plan.taskId(), () -> run(existing));
    }

    /** Asks the task to stop; the run stops its containers and reports STOPPED. */
    public void stop(String reason) {
        events.add(new Stop(reason));
    }

    private void run(Map<String, ContainerEngine.ContainerInfo> adopted) {
        try {
            if (adopted == null) {
                report("PENDING", null, null);
                if (!createContainers()) {
                    return;
                }
            } else {
                takeOver(adopted);
            }
            loop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "task " + plan.taskArn() + " failed: " + e.getMessage(), e);
            failToStart("Agent error: " + e.getMessage());
        } finally {
            cleanUp();
            reports.finished(this);
        }
    }

    private boolean createContainers() {
        for (Container c : containers.values()) {
            String pinned;
            try {
                pinned = images.ensure(c.plan.spec().image());
            } catch (RuntimeException e) {
                String message = e instanceof ImagePuller.ImagePullException ? e.getMessage()
                        : "CannotPullContainerError: " + reason(e);
                failToStart(message);
                return false;
            }
            try {
                String id = engine.create(c.plan.spec().withImage(pinned));
                synchronized (this) {
                    c.id = id;
                }
            } catch (RuntimeException e) {
                failToStart("CannotCreateContainerError: " + reason(e));
                return false;
            }
        }
        return true;
    }

    private void takeOver(Map<String, ContainerEngine.ContainerInfo> adopted) {
        for (Container c : containers.values()) {
            ContainerEngine.ContainerInfo info = adopted.get(c.plan.name());
            if (info == null) {
                continue;
            }
            synchronized (this) {
                c.id = info.id();
            }
            c.started = true;
            startedOrder.add(c.plan.name());
            if (info.running()) {
                follow(c, Instant.now());
            } else {
                c.exitCode = info.exitCode() == null ? -1 : info.exitCode();
                c.reason = info.oomKilled() ? OOM_REASON : null;
            }
        }
        lastStatus = "RUNNING";
        Container exitedEssential = containers.values().stream()
                .filter(c -> c.plan.essential() && c.exitCode != null).findFirst().orElse(null);
        if (exitedEssential != null) {
            events.add(new Exited(exitedEssential.plan.name(), exitedEssential.exitCode,
                    OOM_REASON.equals(exitedEssential.reason)));
        }
    }

    private void loop() {
        while (true) {
            Event pendingStop = events.stream().filter(e -> e instanceof Stop).findFirst().orElse(null);
            if (pendingStop != null) {
                stopAll(null, ((Stop) pendingStop).reason());
                return;
            }
            // a START dependency holds as soon as its container started: start until nothing more can
            for (List<String> startable = order.startable(progress()); !startable.isEmpty();
                 startable = order.startable(progress())) {
                for (String name : startable) {
                    Container c = containers.get(name);
                    try {
                        engine.start(c.id);
                    } catch (RuntimeException e) {
                        failToStart("CannotStartContainerError: " + reason(e));
                        return;
                    }
                    c.started = true;
                    startedOrder.add(name);
                    follow(c, null);
                }
            }
            var blocked = order.blocked(progress());
            if (blocked.isPresent()) {
                stopAll("TaskFailedToStart", blocked.get());
                return;
            }
            if (!lastStatus.equals("RUNNING") && containers.values().stream().allMatch(c -> c.started)) {
                report("RUNNING", null, null);
            }
            Event event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // if/else rather than a pattern switch: the agent runs on Java 17
            if (event instanceof Stop stop) {
                stopAll(null, stop.reason());
                return;
            } else if (event instanceof Exited exited) {
                Container c = containers.get(exited.container());
                if (c.exitCode == null) {
                    c.exitCode = exited.exitCode();
                    c.reason = exitReason(c, exited.oomKilled());
                }
                if (c.plan.essential()) {
                    stopAll("EssentialContainerExited", "Essential container in task exited");
                    return;
                }
                if (lastStatus.equals("RUNNING")) {
                    report("RUNNING", null, null);
                }
            } else if (event instanceof HealthChanged changed) {
                containers.get(changed.container()).health = changed.health();
                if (lastStatus.equals("RUNNING")) {
                    report("RUNNING", null, null);
                }
            }
        }
    }

    /** Why a container exited on its own: out of memory, when the engine says so or a SIGKILL under a limit suggests it. */
    private String exitReason(Container c, boolean oom) {
        if (oom) {
            return OOM_REASON;
        }
        return c.exitCode == SIGKILLED && c.plan.spec().memoryBytes() > 0 ? PROBABLE_OOM_REASON : null;
    }

    private Map<String, StartOrder.Progress> progress() {
        Map<String, StartOrder.Progress> progress = new LinkedHashMap<>();
        containers.forEach((name, c) -> progress.put(name, new StartOrder.Progress(c.started, c.exitCode, c.health)));
        return progress;
    }

    /** Watches for the container's exit, follows its output and runs its health check. */
    private void follow(Container c, Instant logsSince) {
        String id = c.id;
        String name = c.plan.name();
        exits.watch(id, info -> events.add(new Exited(name,
                info.map(i -> i.exitCode() == null ? -1 : i.exitCode()).orElse(-1),
                info.map(ContainerEngine.ContainerInfo::oomKilled).orElse(false))));
        ContainerPlan.LogDestination destination = c.plan.logs();
        if (destination != null) {
            try {
                c.logs = engine.followLogs(id, logsSince, (stream, line) ->
                        logs.append(destination.group(), destination.stream(), System.currentTimeMillis(), line));
            } catch (RuntimeException e) {
                LOG.warning("cannot follow the output of " + id + ": " + e.getMessage());
            }
        }
        if (c.plan.healthCheck() != null) {
            c.health = "UNKNOWN";
            c.monitor = new HealthMonitor(engine, id, c.plan.healthCheck(),
                    health -> events.add(new HealthChanged(name, health)));
            c.monitor.start();
        }
    }

    /**
     * The task could not start (image, create or start error): what was started is stopped and
     * every container the task created is removed before the STOPPED report, so failed starts
     * leave nothing behind.
     */
    private void failToStart(String reason) {
        stopAll("TaskFailedToStart", reason, true);
    }

    /** The engine's reason, else what the exception says. */
    private static String reason(RuntimeException e) {
        return e instanceof EngineException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Stops every running container, then reports STOPPED: in waves, each wave the containers no
     * other still running container depends on, stopped side by side.
     */
    private void stopAll(String stopCode, String reason) {
        stopAll(stopCode, reason, false);
    }

    private void stopAll(String stopCode, String reason, boolean removeContainers) {
        if (lastStatus.equals("RUNNING")) {
            report("STOPPING", null, null);
        }
        Set<String> running = new LinkedHashSet<>();
        for (String name : startedOrder) {
            Container c = containers.get(name);
            if (c.exitCode == null && c.id != null) {
                running.add(name);
            }
        }
        while (!running.isEmpty()) {
            List<String> wave = running.stream().filter(name -> running.stream().noneMatch(other ->
                    containers.get(other).plan.dependsOn().stream().anyMatch(d -> d.containerName().equals(name))))
                    .toList();
            if (wave.isEmpty()) {
                wave = List.copyOf(running); // a cycle the definition should not have had: stop them all
            }
            List<Thread> stopping = new ArrayList<>();
            for (String name : wave) {
                Container c = containers.get(name);
                stopping.add(Threads.start("stop-" + c.id, () -> {
                    try {
                        engine.stop(c.id, c.plan.stopTimeout());
                    } catch (RuntimeException e) {
                        LOG.warning("cannot stop " + c.id + ": " + e.getMessage());
                    }
                }));
            }
            for (Thread thread : stopping) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            wave.forEach(running::remove);
        }
        for (String name : startedOrder) {
            Container c = containers.get(name);
            if (c.exitCode == null && c.id != null) {
                engine.inspect(c.id).ifPresent(info -> {
                    c.exitCode = info.exitCode() == null ? -1 : info.exitCode();
                    if (info.oomKilled()) {
                        c.reason = OOM_REASON;
                    }
                });
            }
        }
        for (Container c : containers.values()) {
            // a container never started holds nothing worth keeping (no output, no exit code)
            if (c.id != null && (removeContainers || !c.started)) {
                remove(c);
            }
        }
        report("STOPPED", stopCode, reason);
    }

    private void remove(Container c) {
        exits.forget(c.id);
        try {
            engine.remove(c.id);
        } catch (RuntimeException e) {
            LOG.warning("cannot remove container " + c.id + " of task " + plan.taskArn() + ": " + e.getMessage());
        }
    }

    private void cleanUp() {
        for (Container c : containers.values()) {
            if (c.id != null) {
                exits.forget(c.id);
            }
            if (c.monitor != null) {
                c.monitor.stop();
            }
            if (c.logs != null) {
                try {
                    c.logs.close();
                } catch (IOException e) {
                    // the stream ends with the container anyway
                }
            }
            if (c.plan.logs() != null) {
                logs.close(c.plan.logs().group(), c.plan.logs().stream());
            }
        }
    }

    private void report(String status, String stopCode, String reason) {
        lastStatus = status;
        List<AgentMessage.ContainerState> states = new ArrayList<>();
        for (Container c : containers.values()) {
            List<AgentMessage.NetworkBinding> bindings = c.plan.spec().portBindings().stream()
                    .map(p -> new AgentMessage.NetworkBinding(c.plan.name(), p.containerPort(), p.hostPort(), p.protocol()))
                    .toList();
            states.add(new AgentMessage.ContainerState(c.plan.name(), c.status(), c.exitCode, c.reason, c.health,
                    bindings));
        }
        reports.taskState(plan.taskArn(), status, states, stopCode, reason);
    }
}
