package dev.berth.autoscaler.metrics;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every minute (berth.autoscaler.metrics.rollup-every): rolls changed 1-minute sets up into 5-minute
 * ones and those into 1-hour ones, then deletes what is past each level's retention, each in bounded
 * batches and within a time budget; what is left waits for the next run.
 */
@ApplicationScoped
public class MetricsHousekeeping {

    private static final Logger LOG = Logger.getLogger(MetricsHousekeeping.class);

    @Inject
    DatapointStore datapoints;

    @Inject
    MetricsConfig config;

    @Scheduled(every = "${berth.autoscaler.metrics.rollup-every:60s}", delay = 20, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warnf("metrics housekeeping failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    public Uni<Void> run() {
        long deadline = System.nanoTime() + config.housekeepingTimeBudget().toNanos();
        return rollUp(StorageLevel.MINUTE, deadline)
                .chain(() -> rollUp(StorageLevel.FIVE_MINUTES, deadline))
                .chain(() -> expire(StorageLevel.SECOND, deadline))
                .chain(() -> expire(StorageLevel.MINUTE, deadline))
                .chain(() -> expire(StorageLevel.FIVE_MINUTES, deadline))
                .chain(() -> expire(StorageLevel.HOUR, deadline))
                .chain(() -> datapoints.forgetMessageIds(config.processedMessageRetention().toSeconds(),
                        config.retentionBatch()))
                .replaceWithVoid();
    }

    /** Rolls up batches of {@code finer} until none is left or the time is up. */
    public Uni<Void> rollUp(StorageLevel finer, long deadline) {
        return datapoints.rollUp(finer, config.rollupBatch()).chain(taken ->
                taken >= config.rollupBatch() && System.nanoTime() < deadline ? rollUp(finer, deadline)
                        : Uni.createFrom().voidItem());
    }

    public Uni<Void> expire(StorageLevel level, long deadline) {
        return datapoints.expire(level, config.retentionBatch()).chain(deleted ->
                deleted >= config.retentionBatch() && System.nanoTime() < deadline ? expire(level, deadline)
                        : Uni.createFrom().voidItem());
    }
}
