package dev.berth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentSession;
import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.agent.hostauth.HostTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A host that speaks the real agent protocol over the real channel but runs no containers: a
 * start command becomes ACTIVATING then RUNNING reports, a stop command a STOPPED report, and a
 * test can make a task exit, stop the heartbeats or drop the connection. Used by the scheduler's
 * integration tests and by the load tool.
 */
public final class ScriptedHost implements AgentSession.Host, AutoCloseable {

    /**
     * What the host offers.
     *
     * @param dynamicPorts its agent's dynamic host port range (null: ECS's)
     * @param boundPorts   what its hello says is bound on its machine (null: nothing said)
     */
    public record Spec(int cpu, int memory, Map<String, String> attributes, AgentMessage.PortRange dynamicPorts,
                       AgentMessage.BoundPorts boundPorts) {
        public Spec(int cpu, int memory, Map<String, String> attributes) {
            this(cpu, memory, attributes, null, null);
        }
    }

    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "scripted-hosts");
        thread.setDaemon(true);
        return thread;
    });
    /** The image of a task definition whose tasks crash right after starting on a scripted host. */
    public static final String CRASHING_IMAGE = "scripted/crashing";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HostCredentials credentials;
    private final Spec spec;
    private final AgentSession session;
    private final Map<String, String> tasks = new ConcurrentHashMap<>();
    private final Map<String, AgentMessage.StartTask> started = new ConcurrentHashMap<>();
    private final List<AgentMessage.Command> commands = new CopyOnWriteArrayList<>();
    private final List<AgentMessage.Refused> refusals = new CopyOnWriteArrayList<>();
    private volatile boolean autoRun = true;
    private volatile boolean holdStops;
    private final List<String> heldStops = new CopyOnWriteArrayList<>();
    private volatile boolean failStarts;
    /** Bound ports for the next heartbeat to carry, once. */
    private volatile AgentMessage.BoundPorts boundPortsChanged;
    private volatile ScheduledFuture<?> heartbeats;

    private ScriptedHost(URI channel, HostCredentials credentials, Spec spec) {
        this.credentials = credentials;
        this.spec = spec;
        HostTokens tokens = new HostTokens(credentials);
        this.session = new AgentSession(channel, tokens::token, this, HTTP, TIMER, 0);
    }

    /** Connects and waits for the welcome; heartbeats every second. */
    public static ScriptedHost connect(URI channel, HostCredentials credentials, Spec spec) {
        ScriptedHost host = new ScriptedHost(channel, credentials, spec);
        host.session.start();
        host.heartbeats = TIMER.scheduleAtFixedRate(host::beat, 1, 1, TimeUnit.SECONDS);
        host.await("welcome", () -> host.session.connected() || !host.refusals.isEmpty(), Duration.ofSeconds(30));
        if (!host.refusals.isEmpty()) {
            host.close();
            throw new AssertionError("host " + credentials.hostId() + " refused: " + host.refusals);
        }
        return host;
    }

    public String hostId() {
        return credentials.hostId();
    }

    @Override
    public AgentMessage.Hello hello(long lastCommandSeq) {
        List<AgentMessage.KnownTask> known = new ArrayList<>();
        tasks.forEach((arn, status) -> known.add(new AgentMessage.KnownTask(arn, status)));
        return new AgentMessage.Hello("scripted-1.0", "scripted-" + credentials.hostId(),
                new AgentMessage.Capacity(spec.cpu(), spec.memory(), List.of(22), List.of(), spec.dynamicPorts()),
                spec.attributes(), lastCommandSeq, known, spec.boundPorts());
    }

    @Override
    public void onCommand(AgentMessage.Command command) {
        commands.add(command);
        if (command.task() instanceof AgentMessage.StartTask task) {
            started.put(task.taskArn(), task);
            tasks.putIfAbsent(task.taskArn(), "PENDING");
            if (autoRun) {
                TIMER.schedule(() -> run(task.taskArn()), 20, TimeUnit.MILLISECONDS);
            }
        } else if (command.task() instanceof AgentMessage.StopTask stop) {
            String arn = stop.taskArn();
            if (holdStops) {
                heldStops.add(arn);
                return;
            }
            TIMER.schedule(() -> finish(arn, 0, "Task stopped: " + stop.reason(), null), 20,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onRefused(AgentMessage.Refused refused) {
        refusals.add(refused);
    }

    /** When false, started tasks stay PENDING until {@link #run} is called. */
    public void autoRun(boolean on) {
        autoRun = on;
    }

    /** When true, every task started from now on fails to start as one whose image cannot be pulled. */
    public void failStarts(boolean on) {
        failStarts = on;
    }

    /** Heartbeats again after {@link #stopHeartbeats}, on the same connection. */
    public void resumeHeartbeats() {
        heartbeats.cancel(false);
        heartbeats = TIMER.scheduleAtFixedRate(this::beat, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * When true, tasks asked to stop keep running until {@link #releaseStops}, as containers that
     * ignore SIGTERM do for their stop timeout.
     */
    public void holdStops(boolean on) {
        holdStops = on;
    }

    /** The tasks asked to stop and still running. */
    public List<String> heldStops() {
        return List.copyOf(heldStops);
    }

    /** Stops the held tasks now. */
    public void releaseStops() {
        for (String arn : heldStops) {
            heldStops.remove(arn);
            finish(arn, 0, "Task stopped", null);
        }
    }

    /**
     * Reports the task ACTIVATING, then RUNNING with its containers and host ports; a task whose
     * first container's image is {@value #CRASHING_IMAGE} exits with code 1 instead.
     */
    public void run(String taskArn) {
        AgentMessage.StartTask task = started.get(taskArn);
        if (task == null || "STOPPED".equals(tasks.get(taskArn))) {
            return;
        }
        if (failStarts) {
            tasks.put(taskArn, "STOPPED");
            session.reportTaskState(taskArn, "STOPPED", containers(task, "STOPPED", null), "TaskFailedToStart",
                    "CannotPullContainerError: pull access denied for " + task.taskDefinition()
                            .path("containerDefinitions").path(0).path("image").asText());
            return;
        }
        session.reportTaskState(taskArn, "ACTIVATING", List.of(), null, null);
        if (CRASHING_IMAGE.equals(task.taskDefinition().path("containerDefinitions").path(0).path("image").asText())) {
            exit(taskArn, 1);
            return;
        }
        tasks.put(taskArn, "RUNNING");
        session.reportTaskState(taskArn, "RUNNING", containers(task, "RUNNING", null), null, null);
    }

    /** The task's essential container exits with {@code exitCode}. */
    public void exit(String taskArn, int exitCode) {
        finish(taskArn, exitCode, "Essential container in task exited", "EssentialContainerExited");
    }

    private void finish(String taskArn, int exitCode, String reason, String stopCode) {
        AgentMessage.StartTask task = started.get(taskArn);
        if ("STOPPED".equals(tasks.get(taskArn))) {
            return;
        }
        tasks.put(taskArn, "STOPPED");
        session.reportTaskState(taskArn, "STOPPED", task == null ? List.of() : containers(task, "STOPPED", exitCode),
                stopCode, reason);
    }

    private static List<AgentMessage.ContainerState> containers(AgentMessage.StartTask task, String status, Integer exitCode) {
        List<AgentMessage.ContainerState> states = new ArrayList<>();
        for (JsonNode container : task.taskDefinition().path("containerDefinitions")) {
            String name = container.path("name").asText();
            List<AgentMessage.NetworkBinding> bindings = task.networkBindings().stream()
                    .filter(b -> b.containerName().equals(name)).toList();
            states.add(new AgentMessage.ContainerState(name, status, exitCode, null,
                    container.has("healthCheck") && "RUNNING".equals(status) ? "HEALTHY" : null, bindings));
        }
        return states;
    }

    private void beat() {
        int running = (int) tasks.values().stream().filter("RUNNING"::equals).count();
        AgentMessage.BoundPorts changed = boundPortsChanged;
        if (session.heartbeat(0, 0, running, changed) && changed != null) {
            boundPortsChanged = null;
        }
    }

    /** The machine's bound ports changed: the next heartbeat says so. */
    public void boundPortsChanged(AgentMessage.BoundPorts bound) {
        boundPortsChanged = bound;
    }

    /** Forgets the task as an agent that lost its state would: the next hello no longer lists it. */
    public void forget(String taskArn) {
        tasks.remove(taskArn);
        started.remove(taskArn);
    }

    /** No more heartbeats (the connection stays): the scheduler will give the host up. */
    public void stopHeartbeats() {
        heartbeats.cancel(false);
    }

    /** Drops the connection as a network failure would; the host reconnects by itself. */
    public void dropConnection() {
        session.dropConnection();
    }

    public int connects() {
        return session.connects();
    }

    public boolean connected() {
        return session.connected();
    }

    public List<AgentMessage.Command> commands() {
        return List.copyOf(commands);
    }

    public List<AgentMessage.Refused> refusals() {
        return List.copyOf(refusals);
    }

    /** Task ARN to the status this host last reported. */
    public Map<String, String> tasks() {
        return new LinkedHashMap<>(tasks);
    }

    public long running() {
        return tasks.values().stream().filter("RUNNING"::equals).count();
    }

    public int unacknowledgedReports() {
        return session.unacknowledgedReports();
    }

    public void reportLogs(String group, String stream, List<AgentMessage.LogEvent> events) {
        session.reportLogs(group, stream, events);
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    public void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("host " + hostId() + ": no " + what + " within " + timeout
                        + (refusals.isEmpty() ? "" : "; refused: " + refusals));
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        session.stop();
    }
}
