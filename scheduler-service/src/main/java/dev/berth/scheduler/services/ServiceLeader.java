package dev.berth.scheduler.services;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Of all scheduler replicas, the one holding a PostgreSQL session advisory lock runs the service
 * passes, once a second (from five seconds after start, when the event channels are connected). The lock lives as long as the connection that took it; when that
 * connection is lost, another replica takes over on its next try.
 */
@ApplicationScoped
public class ServiceLeader {

    private static final Logger LOG = Logger.getLogger(ServiceLeader.class);
    private static final long LOCK_KEY = 0x62657274685f7372L; // "berth_sr"

    @Inject
    Pool pool;

    @Inject
    ServiceReconciler reconciler;

    private volatile SqlConnection lockHolder;

    @Scheduled(every = "${berth.scheduler.services.reconcile-every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return leading().chain(leader -> leader ? reconciler.reconcileAll() : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> LOG.warnf("service pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Boolean> leading() {
        if (lockHolder != null) {
            return Uni.createFrom().item(true);
        }
        return pool.getConnection().chain(connection -> connection.preparedQuery("SELECT pg_try_advisory_lock($1)")
                .execute(Tuple.of(LOCK_KEY))
                .map(rows -> {
                    boolean got = rows.iterator().next().getBoolean(0);
                    if (got) {
                        lockHolder = connection;
                        connection.closeHandler(() -> lockHolder = null);
                        LOG.info("this replica now runs the service scheduler");
                    } else {
                        connection.closeAndForget();
                    }
                    return got;
                }));
    }
}
