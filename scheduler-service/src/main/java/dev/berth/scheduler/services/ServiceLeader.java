package dev.berth.scheduler.services;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
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
        return UniHelper.toUni(leading().compose(leader -> leader ? reconciler.reconcileAll() : Future.succeededFuture()))
                .onFailure().invoke(e -> LOG.warnf("service pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Future<Boolean> leading() {
        if (lockHolder != null) {
            return Future.succeededFuture(true);
        }
        return pool.getConnection().compose(connection -> connection.preparedQuery("SELECT pg_try_advisory_lock($1)")
                .execute(io.vertx.sqlclient.Tuple.of(LOCK_KEY))
                .map(rows -> {
                    boolean got = rows.iterator().next().getBoolean(0);
                    if (got) {
                        lockHolder = connection;
                        connection.closeHandler(v -> lockHolder = null);
                        LOG.info("this replica now runs the service scheduler");
                    } else {
                        connection.close();
                    }
                    return got;
                }));
    }
}
