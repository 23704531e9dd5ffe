package dev.berth.agent;

import dev.berth.agent.credentials.EndpointKey;
import dev.berth.agent.credentials.TaskCredentialsServer;
import dev.berth.agent.engine.ContainerEngine;
import dev.berth.agent.engine.ContainerExits;
import dev.berth.agent.engine.DockerEngine;
import dev.berth.agent.hostauth.HostAuthException;
import dev.berth.agent.hostauth.HostCredentials;
import dev.berth.agent.hostauth.HostTokens;
import dev.berth.agent.host.HostResources;
import dev.berth.agent.host.MachinePorts;
import dev.berth.agent.images.ImageReference;
import dev.berth.agent.images.ImagePuller;
import dev.berth.agent.logs.LogForwarder;
import dev.berth.agent.metrics.MetricsReporter;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentSession;
import dev.berth.agent.tasks.TaskLabels;
import dev.berth.agent.tasks.TaskManager;
import dev.berth.agent.tasks.TaskPlan;
import dev.berth.agent.tasks.TaskPlans;
import dev.berth.agent.tasks.TaskRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The host agent wired together: the host's identity (registered once, kept 0600 in the state
 * directory), the container engine, the tasks, and the channel to the scheduler that carries
 * commands in and task states, logs, metrics and heartbeats out.
 */
final class Agent implements AgentSession.Host, AutoCloseable {

    static final String VERSION = "1.0";
    private static final Logger LOG = Logger.getLogger(Agent.class.getName());

    private final AgentSettings settings;
    private final HostCredentials credentials;
    private final HostTokens tokens;
    private final DockerEngine engine;
    private final ContainerExits exits;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "agent-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final AgentSession session;
    private final TaskManager tasks;
    private final LogForwarder logs;
    private final TaskCredentialsServer credentialsServer;
    private final AgentMessage.Capacity capacity;
    private final Map<String, String> attributes;
    private final Path seqFile;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final MachinePorts machinePorts = MachinePorts.ofThisMachine();
    /** The bound ports the scheduler last heard of (in the hello or a heartbeat). */
    private volatile AgentMessage.BoundPorts reportedPorts;
    private volatile String refusal;

    Agent(AgentSettings settings) throws IOException {
        this.settings = settings;
        Files.createDirectories(settings.stateDirectory());
        this.credentials = identity(settings);
        this.tokens = new HostTokens(credentials);
        this.engine = new DockerEngine(settings.dockerHost());
        LOG.info("container engine at " + settings.dockerHost() + ", API version " + engine.version());
        this.capacity = HostResources.capacity(settings.cpu(), settings.memory(), settings.reservedMemory(),
                settings.reservedPorts(), settings.dynamicPorts());
        this.attributes = HostResources.attributes(settings.availabilityZone(), settings.instanceType(),
                settings.attributes());
        this.seqFile = settings.stateDirectory().resolve("last-command-seq");
        URI channel = URI.create(settings.gateway().toString().replaceFirst("^http", "ws").replaceAll("/$", "")
                + "/api/agent/v1/connect");
        this.session = new AgentSession(channel, tokens::token, this, HttpClient.newHttpClient(), timer, lastSeq());
        this.logs = new LogForwarder(new LogForwarder.Sink() {
            @Override
            public void send(String group, String stream, List<AgentMessage.LogEvent> events) {
                session.reportLogs(group, stream, events);
            }

            @Override
            public int inFlight() {
                return session.unacknowledgedReports();
            }
        }, LogForwarder.Limits.DEFAULT, timer);
        this.credentialsServer = new TaskCredentialsServer(credentialsAddress(settings, engine), settings.credentialsPort(),
                settings.gateway(), tokens::token, EndpointKey.load(settings.stateDirectory()), timer);
        ImagePuller images = new ImagePuller(engine, settings.gateway(), tokens::token, credentials.clientId(),
                credentials.clientSecret());
        this.exits = new ContainerExits(engine, TaskLabels.HOST_ID, credentials.hostId());
        this.tasks = new TaskManager(new TaskPlans.Owner(credentials.tenant(), credentials.cluster(), credentials.hostId()),
                engine, exits, images, logs, new TaskRun.Reports() {
            @Override
            public void taskState(String taskArn, String lastStatus, List<AgentMessage.ContainerState> containers,
                                  String stopCode, String stoppedReason) {
                session.reportTaskState(taskArn, lastStatus, containers, stopCode, stoppedReason);
            }

            @Override
            public void finished(TaskRun run) {
                credentialsServer.forget(run.plan().taskId());
            }
        }, settings.stateDirectory(), this::withCredentials);
        MetricsReporter metrics = new MetricsReporter(engine, tasks::runs, this::reportMetrics, credentials.cluster(),
                credentials.hostId(), capacity);
        timer.scheduleWithFixedDelay(() -> guarded("metrics", metrics), 10, 10, TimeUnit.SECONDS);
        GarbageCollector cleanup = new GarbageCollector(engine, credentials.hostId(), settings.containerCleanupAge(),
                settings.imageCleanupAge(), settings.imageCleanupBytes(),
                ref -> images.isBerthRegistry(ImageReference.parse(ref).registry()));
        long every = settings.cleanupEvery().toMillis();
        timer.scheduleWithFixedDelay(() -> guarded("cleanup", cleanup), every, every, TimeUnit.MILLISECONDS);
    }

    /** Takes over what a previous run left, then connects. */
    void start() {
        exits.start();
        tasks.recover();
        session.start();
        timer.scheduleAtFixedRate(this::heartbeat, 1, 10, TimeUnit.SECONDS);
    }

    /** Blocks until the scheduler refuses the host or the agent is closed; the refusal, if any. */
    String awaitEnd() throws InterruptedException {
        ended.await();
        return refusal;
    }

    String hostId() {
        return credentials.hostId();
    }

    private static HostCredentials identity(AgentSettings settings) {
        Path file = settings.stateDirectory().resolve("credentials.json");
        if (Files.exists(file)) {
            HostCredentials known = HostCredentials.load(file);
            if (settings.cluster() != null && !settings.cluster().equals(known.cluster())) {
                throw new HostAuthException("this host is registered to cluster " + known.cluster() + ", not "
                        + settings.cluster() + " (" + file + "); use another --state-dir to register it anew");
            }
            return known;
        }
        if (settings.registrationToken() == null || settings.registrationToken().isBlank()) {
            throw new HostAuthException("this host is not registered yet (no " + file
                    + "): give --registration-token (a tenant admin creates one with POST /api/iam/v1/registration-tokens)");
        }
        HostCredentials registered = HostCredentials.register(settings.gateway(), settings.registrationToken(),
                settings.hostname(), file);
        if (settings.cluster() != null && !settings.cluster().equals(registered.cluster())) {
            LOG.warning("the registration token is for cluster " + registered.cluster() + ", not " + settings.cluster());
        }
        LOG.info("registered as host " + registered.hostId() + " of " + registered.tenant() + "/" + registered.cluster());
        return registered;
    }

    /**
     * Where the task credentials endpoint listens: the address given, else the container network's
     * gateway as the engine reports it (what containers on the bridge network reach the host at),
     * else the loopback. Never every interface.
     */
    private static InetAddress credentialsAddress(AgentSettings settings, ContainerEngine engine) throws IOException {
        if (settings.credentialsAddress() != null && !settings.credentialsAddress().isBlank()) {
            return InetAddress.getByName(settings.credentialsAddress());
        }
        Optional<String> gateway = engine.bridgeGateway();
        return gateway.isPresent() ? InetAddress.getByName(gateway.get()) : InetAddress.getLoopbackAddress();
    }

    /** A task with a role gets its credentials endpoint and its own key to it in every container's environment. */
    private TaskPlan withCredentials(TaskPlan plan) {
        if (plan.taskRoleArn() == null || plan.taskRoleArn().isBlank()) {
            return plan;
        }
        TaskCredentialsServer.TaskEndpoint endpoint = credentialsServer.register(plan.taskId());
        return plan.withContainers(plan.containers().stream().map(c -> c.withSpec(c.spec()
                .withEnvironment(TaskCredentialsServer.ENVIRONMENT, endpoint.uri())
                .withEnvironment(TaskCredentialsServer.AUTHORIZATION_ENVIRONMENT, endpoint.authorization()))).toList());
    }

    @Override
    public AgentMessage.Hello hello(long lastCommandSeq) {
        AgentMessage.BoundPorts bound = boundPorts();
        reportedPorts = bound;
        return new AgentMessage.Hello(VERSION, settings.hostname(), capacity, attributes, lastCommandSeq, tasks.known(),
                bound);
    }

    @Override
    public void onCommand(AgentMessage.Command command) {
        tasks.onCommand(command);
        try {
            Files.writeString(seqFile, Long.toString(command.seq()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record command " + command.seq() + " in " + seqFile, e);
        }
    }

    @Override
    public void onWelcome(AgentMessage.Welcome welcome) {
        LOG.info("berth-agent: connected as " + welcome.hostId() + " (" + welcome.containerInstanceArn() + ")");
    }

    @Override
    public void onRefused(AgentMessage.Refused refused) {
        refusal = refused.code() + ": " + refused.message();
        LOG.severe("the scheduler refused this host: " + refusal);
        ended.countDown();
    }

    private long lastSeq() {
        try {
            return Files.exists(seqFile) ? Long.parseLong(Files.readString(seqFile).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private void heartbeat() {
        int cpu = 0;
        int memory = 0;
        int running = 0;
        for (TaskRun run : tasks.runs()) {
            if ("RUNNING".equals(run.lastStatus())) {
                running++;
                cpu += run.plan().cpu();
                memory += run.plan().memory();
            }
        }
        AgentMessage.BoundPorts bound = boundPorts();
        AgentMessage.BoundPorts changed = bound.equals(reportedPorts) ? null : bound;
        if (session.heartbeat(cpu, memory, running, changed) && changed != null) {
            reportedPorts = changed;
        }
    }

    /** What listens on this machine, less the ports of this agent's own tasks (the scheduler knows those). */
    private AgentMessage.BoundPorts boundPorts() {
        Set<Integer> tcp = new HashSet<>();
        Set<Integer> udp = new HashSet<>();
        for (TaskRun run : tasks.runs()) {
            for (var container : run.plan().containers()) {
                for (var port : container.spec().portBindings()) {
                    ("udp".equalsIgnoreCase(port.protocol()) ? udp : tcp).add(port.hostPort());
                }
            }
        }
        return machinePorts.read(tcp, udp);
    }

    private void reportMetrics(List<AgentMessage.Datapoint> points) {
        long dropped = logs.droppedTotal();
        List<AgentMessage.Datapoint> all = new ArrayList<>(points);
        all.add(new AgentMessage.Datapoint(MetricsReporter.NAMESPACE, "DroppedLogEvents",
                Map.of("ClusterName", credentials.cluster(), "ContainerInstanceId", credentials.hostId()),
                dropped, "Count", Instant.now()));
        session.reportMetrics(all);
    }

    private static void guarded(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.warning(what + " failed: " + e.getMessage());
        }
    }

    /** Disconnects; containers keep running for the next start of the agent to take over. */
    @Override
    public void close() {
        logs.flush();
        session.stop();
        credentialsServer.close();
        timer.shutdownNow();
        exits.close();
        engine.close();
        ended.countDown();
    }
}
