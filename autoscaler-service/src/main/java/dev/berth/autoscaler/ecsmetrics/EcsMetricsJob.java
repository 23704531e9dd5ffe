package dev.berth.autoscaler.ecsmetrics;

import dev.berth.autoscaler.metrics.IncomingBatch;
import dev.berth.autoscaler.metrics.MetricWriter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Closes the windows that are due (their end plus the lateness has passed): for every tenant's
 * cluster, the aggregator's AWS/ECS and ECS/ContainerInsights datapoints go into the metric store
 * through {@link MetricWriter} as platform data (any namespace). A cursor in PostgreSQL remembers the
 * last closed window, so windows missed during a stop are written after it (up to the catch-up
 * limit); each window's batch id makes writing it again harmless.
 */
@ApplicationScoped
public class EcsMetricsJob {

    private static final Logger LOG = Logger.getLogger(EcsMetricsJob.class);

    @Inject
    EcsStateStore store;

    @Inject
    MetricWriter writer;

    @Inject
    EcsMetricsConfig config;

    @Scheduled(every = "${berth.autoscaler.ecs-metrics.close-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return closeDue(Instant.now()).onFailure().invoke(e -> LOG.warnf("closing ECS metric windows failed: %s",
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Closes every due window not closed yet; answers how many datapoints it stored. */
    public Uni<Integer> closeDue(Instant now) {
        Duration window = config.window();
        int seconds = (int) window.toSeconds();
        return store.closedUntil(seconds).chain(cursor -> {
            DueWindows due = DueWindows.of(cursor, now, window, config.lateness(), config.catchUp());
            if (due.none()) {
                return cursor.isEmpty() ? store.moveCursor(seconds, cursor, due.until()).replaceWith(0)
                        : Uni.createFrom().item(0);
            }
            return close(due.from(), due.until(), window)
                    .call(() -> store.moveCursor(seconds, cursor, due.until()))
                    .call(() -> store.forget(due.until(), due.until().minus(config.stoppedTaskRetention())));
        });
    }

    /** Writes the windows from {@code from} to {@code until}, all in one transaction of the store. */
    private Uni<Integer> close(Instant from, Instant until, Duration window) {
        EcsMetricsAggregator aggregator = new EcsMetricsAggregator(window);
        return Uni.combine().all().unis(store.tasks(from), store.hosts(), store.samples(from, until))
                .asTuple().chain(state -> {
                    List<IncomingBatch> batches = new ArrayList<>();
                    for (Instant start = from; start.isBefore(until); start = start.plus(window)) {
                        Instant end = start.plus(window);
                        for (EcsWindowInput.ClusterWindow cluster : EcsWindowInput.of(start, end, state.getItem1(),
                                state.getItem2(), state.getItem3())) {
                            List<EcsDatapoint> points = aggregator.aggregate(start, cluster.state(), cluster.samples());
                            if (!points.isEmpty()) {
                                batches.add(EcsMetricSamples.batch(cluster.cluster(), start, window, points));
                            }
                        }
                    }
                    return writer.consume(batches);
                });
    }
}
