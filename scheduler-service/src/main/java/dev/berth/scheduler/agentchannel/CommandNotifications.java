package dev.berth.scheduler.agentchannel;

import dev.berth.scheduler.hosts.HostDeregistration;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Listens on PostgreSQL for "commands queued for tenant/host" and wakes the connection that holds
 * that host, if this replica holds it. A notification lost while the listener reconnects is made
 * up by each connection's periodic look at its queue.
 */
@ApplicationScoped
public class CommandNotifications {

    private static final Logger LOG = Logger.getLogger(CommandNotifications.class);

    @Inject
    Vertx vertx;

    @Inject
    ConnectedHosts connected;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private PgSubscriber subscriber;

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CommandStore.CHANNEL).handler(payload -> {
            int slash = payload.indexOf('/');
            if (slash > 0) {
                connected.wake(payload.substring(0, slash), payload.substring(slash + 1));
            }
        });
        subscriber.channel(HostDeregistration.CHANNEL).handler(payload -> {
            int slash = payload.indexOf('/');
            if (slash > 0) {
                connected.close(payload.substring(0, slash), payload.substring(slash + 1), "HostDeregistered",
                        "Host " + payload.substring(slash + 1) + " was deregistered.");
            }
        });
        subscriber.connect().onFailure(e -> LOG.errorf("cannot listen for host commands: %s", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
