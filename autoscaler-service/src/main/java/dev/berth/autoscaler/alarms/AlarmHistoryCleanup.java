package dev.berth.autoscaler.alarms;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deletes alarm history older than its retention (two weeks), a batch at a time. */
@ApplicationScoped
public class AlarmHistoryCleanup {

    private static final Logger LOG = Logger.getLogger(AlarmHistoryCleanup.class);

    @Inject
    AlarmHistoryStore history;

    @Inject
    AlarmsConfig config;

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> cleanup() {
        return history.deleteOlderThan(Instant.now().minus(config.historyRetention()), config.cleanupBatch())
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("alarm history not cleaned up this time: %s", e.getMessage());
                    return null;
                });
    }
}
