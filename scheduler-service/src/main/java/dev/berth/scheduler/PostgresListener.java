package dev.berth.scheduler;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The replica's one PostgreSQL connection for LISTEN: components say which channel they want and
 * what to do with a payload. Notifications sent while the connection is being re-established are
 * lost; a component that must make up for them says what to do each time the channel is
 * listened to again.
 */
@ApplicationScoped
public class PostgresListener {

    private static final Logger LOG = Logger.getLogger(PostgresListener.class);

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private PgSubscriber subscriber;

    public void on(String channel, Consumer<String> handler) {
        on(channel, handler, () -> {
        });
    }

    /** {@code listening} runs each time the channel is listened to, on the first connection and every reconnection. */
    public synchronized void on(String channel, Consumer<String> handler, Runnable listening) {
        subscriber().channel(channel).subscribeHandler(v -> listening.run()).handler(handler::accept);
    }

    private synchronized PgSubscriber subscriber() {
        if (subscriber == null) {
            PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                    .setUser(user).setPassword(password);
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
            subscriber.connect().onFailure(e -> LOG.errorf("cannot listen for notifications: %s", e.getMessage()));
        }
        return subscriber;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
