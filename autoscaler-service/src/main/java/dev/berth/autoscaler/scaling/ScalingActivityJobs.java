package dev.berth.autoscaler.scaling;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Re-sends capacity changes no outcome came for, and forgets activities older than six weeks. */
@ApplicationScoped
public class ScalingActivityJobs {

    private static final Logger LOG = Logger.getLogger(ScalingActivityJobs.class);

    @Inject
    ScalingActivityStore activities;

    @Inject
    CapacityChanges changes;

    @Inject
    ScalingConfig config;

    @Scheduled(every = "${berth.autoscaler.scaling.resend-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resendUnanswered() {
        return activities.takeUnanswered(Instant.now().minus(config.resendAfter()), config.resendBatch())
                .invoke(changes::send)
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("unanswered capacity changes not re-sent: %s", e.getMessage());
                    return null;
                });
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOld() {
        return activities.forgetOlderThan(config.activityRetention(), config.cleanupBatch()).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("old scaling activities not forgotten: %s", e.getMessage());
                    return null;
                });
    }
}
