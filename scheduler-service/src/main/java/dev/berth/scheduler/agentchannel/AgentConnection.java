package dev.berth.scheduler.agentchannel;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentMessages;
import dev.berth.agent.protocol.AgentSession;
import dev.berth.agent.protocol.ProtocolException;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.hosts.HostStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One agent's WebSocket. The first frame must be a hello; after the welcome, queued commands go
 * out in sequence order (woken by a notification, and looked for every few seconds in case one
 * was missed), reports are handled and acknowledged once handled, heartbeats recorded. The
 * scheduler's side answers {@link Uni}s like every service; the socket's own bookkeeping (reports
 * in order) runs on Vert.x futures, which start at once and keep no chain behind them.
 */
final class AgentConnection {

    /** What a connection may ask of the scheduler: its side of the protocol, nothing else. */
    interface Scheduler {
        /** Registers (or reconnects) the host; answers a refusal for an unknown cluster or a deregistered host. */
        Uni<HostStore.Registration> hello(AgentConnection connection, AgentMessage.Hello hello);

        /** After the welcome: acknowledges what the agent recorded, stops what it should not run. */
        Uni<Void> resume(AgentConnection connection, AgentMessage.Hello hello);

        Uni<Void> acknowledged(AgentConnection connection, long seq);

        Uni<?> taskState(AgentConnection connection, AgentMessage.TaskStateReport report);

        Uni<Void> logs(AgentConnection connection, AgentMessage.LogBatch batch);

        Uni<Void> metrics(AgentConnection connection, AgentMessage.MetricBatch batch);

        void heartbeat(AgentConnection connection, AgentMessage.Heartbeat heartbeat);

        /** The host's queued commands after {@code seq}, in order. */
        Uni<List<AgentMessage.Command>> commandsAfter(AgentConnection connection, long seq);

        /** The connection is welcomed: commands for its host are sent through it. */
        void opened(AgentConnection connection);

        /** The connection is gone for good: its host is disconnected unless a newer connection took over. */
        void closed(AgentConnection connection);

        /** How often the agent is asked to send a heartbeat. */
        int heartbeatSeconds();

        /** The channel's timeouts and intervals. */
        AgentChannelSettings settings();
    }

    private static final Logger LOG = Logger.getLogger(AgentConnection.class);
    /** The close code that asks an agent to reconnect (any code but a refusal makes it reconnect). */
    private static final short REJOIN = 4002;

    private final Scheduler scheduler;
    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final String tenant;
    private final String cluster;
    private final String hostId;
    private final String id;
    private final Instant tokenExpires;
    private boolean welcomed;
    private boolean closed;
    private boolean tokenExpired;
    private long lastSentSeq;
    private boolean fetching;
    private boolean fetchAgain;
    private long helloTimer = -1;
    private long pollTimer = -1;
    private long tokenTimer = -1;
    private Future<?> reports = Future.succeededFuture();

    AgentConnection(Scheduler scheduler, Vertx vertx, ServerWebSocket socket, String tenant, String cluster,
                    String hostId, String id, Instant tokenExpires) {
        this.scheduler = scheduler;
        this.vertx = vertx;
        this.tokenExpires = tokenExpires;
        this.socket = socket;
        this.tenant = tenant;
        this.cluster = cluster;
        this.hostId = hostId;
        this.id = id;
    }

    String tenant() {
        return tenant;
    }

    String cluster() {
        return cluster;
    }

    String hostId() {
        return hostId;
    }

    String id() {
        return id;
    }

    void start() {
        socket.textMessageHandler(this::received);
        socket.closeHandler(v -> closed());
        socket.exceptionHandler(e -> LOG.debugf("agent channel of %s/%s: %s", tenant, hostId, e.getMessage()));
        tokenTimer = vertx.setTimer(Math.max(1, Duration.between(Instant.now(), tokenExpires).toMillis()),
                t -> tokenExpired());
        Duration helloTimeout = scheduler.settings().helloTimeout();
        helloTimer = vertx.setTimer(Math.max(1, helloTimeout.toMillis()), t -> {
            if (!isWelcomed()) {
                refuse("HelloTimeout", "No hello within " + helloTimeout.toSeconds() + " s of connecting.");
            }
        });
    }

    private synchronized boolean isWelcomed() {
        return welcomed;
    }

    private void received(String frame) {
        AgentMessage message;
        try {
            message = AgentMessages.read(frame);
        } catch (ProtocolException e) {
            refuse("ProtocolError", e.getMessage());
            return;
        }
        if (message instanceof AgentMessage.Hello hello) {
            hello(hello);
            return;
        }
        if (!isWelcomed()) {
            refuse("ProtocolError", "The first frame must be a hello.");
            return;
        }
        switch (message) {
            case AgentMessage.CommandAck ack -> inOrder(() -> scheduler.acknowledged(this, ack.seq()))
                    .onFailure(e -> LOG.warnf("ack %d of %s/%s not recorded: %s", ack.seq(), tenant, hostId, e.getMessage()));
            case AgentMessage.TaskStateReport report -> handled(report, () -> scheduler.taskState(this, report));
            case AgentMessage.LogBatch batch -> handled(batch, () -> scheduler.logs(this, batch));
            case AgentMessage.MetricBatch batch -> handled(batch, () -> scheduler.metrics(this, batch));
            case AgentMessage.Heartbeat heartbeat -> scheduler.heartbeat(this, heartbeat);
            default -> refuse("ProtocolError", "An agent does not send " + message.getClass().getSimpleName() + ".");
        }
    }

    private void hello(AgentMessage.Hello hello) {
        synchronized (this) {
            if (welcomed) {
                refuse("ProtocolError", "Hello was already said on this connection.");
                return;
            }
        }
        if (hello.capacity() == null || hello.capacity().cpu() <= 0 || hello.capacity().memory() <= 0) {
            refuse("ProtocolError", "hello.capacity: cpu and memory must be given and positive.");
            return;
        }
        UniHelper.toFuture(scheduler.hello(this, hello)).onComplete(result -> {
            if (result.failed()) {
                LOG.errorf("hello of %s/%s not recorded: %s", tenant, hostId, result.cause().getMessage());
                socket.close((short) 1011, "internal error");
                return;
            }
            if (result.result().refusal().isPresent()) {
                switch (result.result().refusal().get()) {
                    case CLUSTER_NOT_FOUND -> refuse("ClusterNotFoundException", "Cluster not found: " + cluster + ".");
                    case DEREGISTERED -> refuse("HostDeregistered", "Host " + hostId + " was deregistered.");
                }
                return;
            }
            Host host = result.result().host().orElseThrow();
            synchronized (this) {
                welcomed = true;
                lastSentSeq = hello.lastCommandSeq();
            }
            vertx.cancelTimer(helloTimer);
            send(new AgentMessage.Welcome(hostId, host.arn(), cluster, scheduler.heartbeatSeconds()));
            scheduler.opened(this);
            UniHelper.toFuture(scheduler.resume(this, hello)).onComplete(resumed -> sendPendingCommands());
            pollTimer = vertx.setPeriodic(Math.max(1, scheduler.settings().commandPoll().toMillis()), t -> sendPendingCommands());
        });
    }

    /**
     * Acks and reports are handled one after another, in the order the agent sent them (ACTIVATING
     * before RUNNING; two acks never update the same tasks at once).
     */
    private synchronized Future<?> inOrder(Supplier<Uni<?>> handle) {
        Future<?> handling = reports.transform(previous -> UniHelper.toFuture(handle.get()));
        reports = handling.transform(done -> Future.succeededFuture());
        return handling;
    }

    private void handled(AgentMessage.Report report, Supplier<Uni<?>> handle) {
        inOrder(handle).onComplete(result -> {
            if (result.failed()) {
                // not acknowledged: the agent sends it again after its next reconnect
                LOG.warnf("report %d of %s/%s not handled: %s", report.seq(), tenant, hostId, result.cause().getMessage());
                if (!(result.cause() instanceof IllegalArgumentException)) {
                    return;
                }
            }
            send(new AgentMessage.ReportAck(report.seq()));
        });
    }

    /** Sends the host's queued commands it has not been sent on this connection, in order. */
    void sendPendingCommands() {
        long after;
        synchronized (this) {
            if (!welcomed || closed) {
                return;
            }
            if (fetching) {
                fetchAgain = true;
                return;
            }
            fetching = true;
            fetchAgain = false;
            after = lastSentSeq;
        }
        UniHelper.toFuture(scheduler.commandsAfter(this, after)).onComplete(result -> {
            boolean again;
            synchronized (this) {
                if (result.succeeded()) {
                    for (AgentMessage.Command command : result.result()) {
                        if (command.seq() > lastSentSeq) {
                            send(command);
                            lastSentSeq = command.seq();
                        }
                    }
                }
                fetching = false;
                again = fetchAgain;
            }
            if (again) {
                sendPendingCommands();
            }
        });
    }

    private void send(AgentMessage message) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(AgentMessages.write(message));
        }
    }

    /** The token that opened the channel ran out: the agent reconnects with a fresh one, if it still gets one. */
    private void tokenExpired() {
        if (!socket.isClosed()) {
            LOG.debugf("agent channel of %s/%s: token expired", tenant, hostId);
            synchronized (this) {
                tokenExpired = true;
            }
            socket.close((short) AgentSession.TOKEN_EXPIRED, "TokenExpired");
        }
    }

    /** The host was given up while this connection stayed open: the agent reconnects and says hello again. */
    void rejoin() {
        if (!socket.isClosed()) {
            LOG.infof("agent channel of %s/%s: the host was lost, asking its agent to reconnect", tenant, hostId);
            socket.close(REJOIN, "HostLost");
        }
    }

    /** A newer connection of the same host took over on this replica. */
    void replaced() {
        if (!socket.isClosed()) {
            socket.close((short) 1000, "replaced by a newer connection");
        }
    }

    void refuse(String code, String message) {
        send(new AgentMessage.Refused(code, message));
        if (!socket.isClosed()) {
            socket.close((short) 1008, code);
        }
    }

    private void closed() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        vertx.cancelTimer(helloTimer);
        vertx.cancelTimer(tokenTimer);
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (isWelcomed()) {
            boolean expired;
            synchronized (this) {
                expired = tokenExpired;
            }
            if (expired) {
                // the agent reconnects at once with a fresh token; the host is not DISCONNECTED meanwhile
                vertx.setTimer(Math.max(1, scheduler.settings().reconnectGrace().toMillis()), t -> scheduler.closed(this));
            } else {
                scheduler.closed(this);
            }
        }
    }

}
