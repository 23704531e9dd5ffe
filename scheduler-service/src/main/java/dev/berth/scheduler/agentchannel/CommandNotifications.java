package dev.berth.scheduler.agentchannel;

import dev.berth.scheduler.PostgresListener;
import dev.berth.scheduler.hosts.HostDeregistration;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Listens on PostgreSQL for "commands queued for tenant/host" and wakes the connection that holds
 * that host, if this replica holds it. A notification lost while the listener reconnects is made
 * up by each connection's periodic look at its queue.
 */
@ApplicationScoped
public class CommandNotifications {

    @Inject
    PostgresListener listener;

    @Inject
    ConnectedHosts connected;

    void start(@Observes StartupEvent event) {
        listener.on(CommandStore.CHANNEL, payload -> {
            int slash = payload.indexOf('/');
            if (slash > 0) {
                connected.wake(payload.substring(0, slash), payload.substring(slash + 1));
            }
        });
        listener.on(HostDeregistration.CHANNEL, payload -> {
            int slash = payload.indexOf('/');
            if (slash > 0) {
                connected.close(payload.substring(0, slash), payload.substring(slash + 1), "HostDeregistered",
                        "Host " + payload.substring(slash + 1) + " was deregistered.");
            }
        });
    }
}
