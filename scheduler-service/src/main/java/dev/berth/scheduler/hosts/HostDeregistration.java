package dev.berth.scheduler.hosts;

import dev.berth.scheduler.agentchannel.ConnectedHosts;
import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.tasks.TaskTermination;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A deregistered host is INACTIVE for good: its tasks are STOPPED (services replace them), its
 * queued commands dropped, and its agent's connection closed on whichever replica holds it.
 */
@ApplicationScoped
public class HostDeregistration {

    /** Every replica listens here and closes the named host's connection if it holds it. */
    public static final String CHANNEL = "berth_host_deregistered";

    @Inject
    HostStore hosts;

    @Inject
    TaskTermination termination;

    @Inject
    ConnectedHosts connected;

    @Inject
    SchedulerEvents events;

    @Inject
    Pool pool;

    public Future<Host> deregister(Host host) {
        return hosts.deregister(host.tenant(), host.cluster(), host.id())
                .compose(updated -> termination.hostGone(host.tenant(), host.id(), "UserInitiated",
                                "Container instance " + host.id() + " was deregistered")
                        .map(stopped -> updated.orElse(host)))
                .compose(updated -> pool.preparedQuery("SELECT pg_notify($1, $2)")
                        .execute(Tuple.of(CHANNEL, host.tenant() + "/" + host.id())).map(updated))
                .onSuccess(updated -> {
                    connected.close(host.tenant(), host.id(), "HostDeregistered", "Host " + host.id() + " was deregistered.");
                    events.hostChanged(updated, "DEREGISTERED");
                });
    }
}
