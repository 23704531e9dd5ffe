package dev.berth.scheduler.agentchannel;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.hosts.HostStore;
import dev.berth.scheduler.tasks.Task;
import dev.berth.scheduler.tasks.TaskStatus;
import dev.berth.scheduler.tasks.TaskStore;
import dev.berth.scheduler.tasks.TaskTermination;
import dev.berth.common.async.Unis;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** What an agent connection does with what its host says: the channel's side of the protocol, off the socket. */
@ApplicationScoped
public class AgentChannel implements AgentConnection.Scheduler {

    private static final Logger LOG = Logger.getLogger(AgentChannel.class);

    @Inject
    Pool pool;

    @Inject
    HostStore hosts;

    @Inject
    TaskStore tasks;

    @Inject
    CommandStore commands;

    @Inject
    ConnectedHosts connected;

    @Inject
    SchedulerEvents events;

    @Inject
    Telemetry telemetry;

    @Inject
    HeartbeatRecorder heartbeats;

    @Inject
    TaskTermination termination;

    @Inject
    AgentChannelSettings settings;

    @Override
    public int heartbeatSeconds() {
        return (int) Math.max(1, settings.heartbeatInterval().toSeconds());
    }

    @Override
    public AgentChannelSettings settings() {
        return settings;
    }

    @Override
    public Uni<HostStore.Registration> hello(AgentConnection connection, AgentMessage.Hello hello) {
        return hosts.connect(connection.tenant(), connection.cluster(), connection.hostId(), hello, connection.id())
                .invoke(registration -> registration.host().ifPresent(host ->
                        events.hostChanged(host, registration.firstTime() ? "REGISTERED" : "CONNECTED")));
    }

    /** After a hello: what the agent recorded counts as acknowledged; tasks it still runs that should be stopped get a stop. */
    @Override
    public Uni<Void> resume(AgentConnection connection, AgentMessage.Hello hello) {
        return acknowledged(connection, hello.lastCommandSeq())
                .chain(ok -> stopLeftovers(connection, hello.tasks()))
                .chain(ok -> stopForgotten(connection, hello.tasks()));
    }

    /**
     * Tasks the host acknowledged and Berth still wants running, but which the agent no longer
     * lists (it lost its state): they are stopped, so services replace them; the agent answers the
     * stop of a task it does not know with STOPPED.
     */
    private Uni<Void> stopForgotten(AgentConnection connection, List<AgentMessage.KnownTask> known) {
        Set<String> listed = new HashSet<>();
        known.forEach(t -> listed.add(Task.idOf(t.taskArn())));
        return tasks.liveOn(connection.tenant(), connection.hostId()).chain(live -> {
            List<Uni<Void>> stops = new ArrayList<>();
            for (Task task : live) {
                if (!listed.contains(task.id())) {
                    stops.add(termination.stop(task.tenant(), task.cluster(), task.id(), "HostLost",
                            "The host's agent no longer runs this task (it lost its state)").replaceWithVoid());
                }
            }
            return Unis.all(stops).replaceWithVoid();
        });
    }

    @Override
    public Uni<Void> acknowledged(AgentConnection connection, long seq) {
        return pool.withTransaction(client -> commands.acknowledged(client, connection.tenant(), connection.hostId(), seq)
                        .chain(ok -> tasks.startsAcknowledged(client, connection.tenant(), connection.hostId(), seq)))
                .invoke(events::tasksChanged)
                .replaceWithVoid();
    }

    /** Tasks the agent still runs that Berth stopped while it was away (a lost host) are stopped on the host too. */
    private Uni<Void> stopLeftovers(AgentConnection connection, List<AgentMessage.KnownTask> known) {
        List<String> running = known.stream().filter(t -> !TaskStatus.STOPPED.name().equals(t.lastStatus()))
                .map(t -> Task.idOf(t.taskArn())).toList();
        if (running.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tasks.find(connection.tenant(), connection.cluster(), running).chain(found -> {
            List<Uni<Void>> stops = new ArrayList<>();
            for (Task task : found) {
                if (task.lastStatus() == TaskStatus.STOPPED && task.hostId().equals(connection.hostId())) {
                    stops.add(pool.withTransaction(client -> commands.enqueue(client, task.tenant(), task.hostId(),
                            seq -> AgentMessage.Command.stop(seq, new AgentMessage.StopTask(task.arn(),
                                    "Task was stopped while its host was out of contact")))).replaceWithVoid());
                }
            }
            return Unis.all(stops).replaceWithVoid();
        });
    }

    @Override
    public Uni<Optional<Task>> taskState(AgentConnection connection, AgentMessage.TaskStateReport report) {
        return tasks.applyReport(connection.tenant(), connection.hostId(), report)
                .invoke(changed -> changed.ifPresent(events::taskChanged));
    }

    @Override
    public Uni<Void> logs(AgentConnection connection, AgentMessage.LogBatch batch) {
        return telemetry.logs(connection.tenant(), connection.cluster(), connection.hostId(), batch);
    }

    @Override
    public Uni<Void> metrics(AgentConnection connection, AgentMessage.MetricBatch batch) {
        return telemetry.metrics(connection.tenant(), connection.cluster(), connection.hostId(), batch);
    }

    @Override
    public void heartbeat(AgentConnection connection, AgentMessage.Heartbeat heartbeat) {
        heartbeats.record(connection.tenant(), connection.cluster(), connection.hostId(), heartbeat);
        if (heartbeat.boundPorts() != null) {
            hosts.boundPorts(connection.tenant(), connection.hostId(), heartbeat.boundPorts()).subscribe().with(ok -> { },
                    e -> LOG.warnf("bound ports of host %s not recorded: %s", connection.hostId(), e.getMessage()));
        }
    }

    @Override
    public Uni<List<AgentMessage.Command>> commandsAfter(AgentConnection connection, long seq) {
        return commands.after(connection.tenant(), connection.hostId(), seq);
    }

    @Override
    public void opened(AgentConnection connection) {
        connected.add(connection);
    }

    @Override
    public void closed(AgentConnection connection) {
        connected.remove(connection);
        hosts.disconnected(connection.tenant(), connection.hostId(), connection.id()).subscribe().with(
                host -> host.ifPresent(h -> events.hostChanged(h, "DISCONNECTED")),
                e -> LOG.warnf("disconnect of host %s not recorded: %s", connection.hostId(), e.getMessage()));
    }
}
