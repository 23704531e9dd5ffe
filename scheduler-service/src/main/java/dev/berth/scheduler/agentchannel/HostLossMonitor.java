package dev.berth.scheduler.agentchannel;

import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.hosts.HostStore;
import dev.berth.scheduler.tasks.TaskTermination;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * A host not heard from for longer than {@code berth.agent.lost-after} is given up: marked
 * disconnected and lost, its tasks STOPPED with the reason, so that services replace them. The
 * update that marks a host lost succeeds on one replica only. Nothing is sent to the host: its
 * containers keep serving until its agent is back, which then gets a stop for each of them
 * ({@link AgentChannel#resume}).
 */
@ApplicationScoped
public class HostLossMonitor {

    private static final Logger LOG = Logger.getLogger(HostLossMonitor.class);

    @Inject
    HostStore hosts;

    @Inject
    TaskTermination termination;

    @Inject
    SchedulerEvents events;

    @Inject
    AgentChannelSettings settings;

    /** A bound that holds too few heartbeats stops the scheduler at start, naming both settings. */
    void checkBound(@Observes StartupEvent start) {
        new HostLossBound(settings.lostAfter(), settings.heartbeatInterval());
    }

    @Scheduled(every = "${berth.agent.loss-check-every:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return hosts.markLost(settings.lostAfter()).invoke(lost -> lost.forEach(this::lost))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("host loss check failed: %s", e.getMessage());
                    return null;
                });
    }

    private void lost(Host host) {
        LOG.infof("host %s/%s lost: no heartbeat for %s", host.tenant(), host.id(), settings.lostAfter());
        events.hostChanged(host, "LOST");
        termination.hostGone(host.tenant(), host.id(), "HostLost",
                "Host " + host.id() + " stopped sending heartbeats (none for " + settings.lostAfter().toSeconds() + " s)")
                .subscribe().with(stopped -> { },
                        e -> LOG.errorf("tasks of lost host %s not stopped: %s", host.id(), e.getMessage()));
    }
}
