package dev.berth.scheduler.agentchannel;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.scheduler.hosts.HostStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Heartbeats are written once a second for all hosts heard from in that second (one statement
 * instead of one per host: 5,000 hosts beating every 10 s would be 500 writes a second) and
 * passed on to berth.heartbeats. A host that beats again on a connection it kept while it was
 * given up (lost) is asked to reconnect, so that its hello lists the tasks it still runs and it
 * gets a stop for those Berth stopped meanwhile.
 */
@ApplicationScoped
public class HeartbeatRecorder {

    private static final Logger LOG = Logger.getLogger(HeartbeatRecorder.class);

    @Inject
    HostStore hosts;

    @Inject
    Telemetry telemetry;

    @Inject
    ConnectedHosts connected;

    private Set<HostStore.HostKey> beating = new LinkedHashSet<>();

    void record(String tenant, String cluster, String hostId, AgentMessage.Heartbeat heartbeat) {
        synchronized (this) {
            beating.add(new HostStore.HostKey(tenant, hostId));
        }
        telemetry.heartbeat(tenant, cluster, hostId, heartbeat);
    }

    @Scheduled(every = "${berth.agent.heartbeat-flush-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        List<HostStore.HostKey> batch;
        synchronized (this) {
            if (beating.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            batch = new ArrayList<>(beating);
            beating = new LinkedHashSet<>();
        }
        return hosts.heartbeats(batch)
                .chain(ok -> hosts.lostAmong(batch))
                .invoke(lost -> lost.forEach(host -> connected.rejoin(host.tenant(), host.hostId())))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("%d heartbeats not recorded: %s", batch.size(), e.getMessage());
                    return null;
                });
    }
}
