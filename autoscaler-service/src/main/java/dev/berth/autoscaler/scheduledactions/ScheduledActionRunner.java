package dev.berth.autoscaler.scheduledactions;

import dev.berth.autoscaler.scaling.ActivityStatusCode;
import dev.berth.autoscaler.scaling.CapacityChanges;
import dev.berth.autoscaler.scaling.CapacityRange;
import dev.berth.autoscaler.scaling.ScalableTarget;
import dev.berth.autoscaler.scaling.ScalableTargetStore;
import dev.berth.autoscaler.scaling.ScalingActivity;
import dev.berth.autoscaler.scaling.StoredTarget;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Fires due scheduled actions, each in its own transaction with the action row locked (SKIP LOCKED: one
 * replica fires it): the target's bounds become the action's (a Successful activity), a desired count
 * outside them becomes a capacity change, and the next run is computed; an at() that ran, or a schedule
 * past its EndTime, has none. A target whose ScheduledScalingSuspended is set fires nothing; its actions
 * move on to their next run (the runs missed while suspended are not caught up, as AWS does).
 */
@ApplicationScoped
public class ScheduledActionRunner {

    private static final Logger LOG = Logger.getLogger(ScheduledActionRunner.class);
    private static final int ACTIONS_PER_TICK = 100;

    @Inject
    Pool pool;

    @Inject
    ScheduledActionStore actions;

    @Inject
    ScalableTargetStore targets;

    @Inject
    CapacityChanges changes;

    @Scheduled(every = "${berth.autoscaler.scheduled-actions.poll-every:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return actions.due(ACTIONS_PER_TICK)
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(this::fire)
                .collect().last()
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("scheduled actions not fired this time: %s", e.getMessage());
                    return null;
                });
    }

    Uni<Void> fire(StoredScheduledAction due) {
        return pool.withTransaction(tx -> actions.lockIfDue(tx, due).chain(locked -> locked.isEmpty()
                        ? Uni.createFrom().item(List.<ScalingActivity>of())
                        : targets.lock(tx, due.tenant(), due.target()).chain(target -> run(tx, locked.get(), target))))
                .invoke(changes::send)
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("scheduled action %s of %s not fired: %s", due.action().name(), due.target().resourceId(),
                            e.getMessage());
                    return null;
                });
    }

    private Uni<List<ScalingActivity>> run(SqlClient tx, StoredScheduledAction stored, Optional<StoredTarget> found) {
        Instant now = Instant.now();
        Instant next = stored.action().nextRunAfter(now).orElse(null);
        Uni<Void> moveOn = actions.nextRun(tx, stored, next);
        if (found.isEmpty() || found.get().target().suspendedState().scheduledScalingSuspended()) {
            return moveOn.replaceWith(List.of());
        }
        StoredTarget target = found.get();
        ScheduledAction action = stored.action();
        ScalableTarget current = target.target();
        int known = target.knownDesiredCount() == null ? current.capacity().clamp(0) : target.knownDesiredCount();
        ScheduledCapacity before = new ScheduledCapacity(current.capacity().min(), current.capacity().max(), known);
        Optional<ScheduledCapacity> after = before.after(action);
        List<ScalingActivity> written = new ArrayList<>();
        if (after.isEmpty()) {
            ScalingActivity refused = ScalingActivity.finished(stored.tenant(), stored.target(),
                    ScheduledCapacity.boundsDescription(action), ScheduledCapacity.boundsCause(action),
                    ActivityStatusCode.FAILED, "Failed to set capacity: the new minimum would be above the maximum", List.of(), now);
            return moveOn.chain(() -> changes.recordFinished(tx, refused)).replaceWith(written);
        }
        ScheduledCapacity result = after.get();
        ScalableTarget bounded = new ScalableTarget(current.id(), new CapacityRange(result.minCapacity(), result.maxCapacity()),
                current.suspendedState());
        ScalingActivity bounds = ScalingActivity.finished(stored.tenant(), stored.target(),
                ScheduledCapacity.boundsDescription(action), ScheduledCapacity.boundsCause(action),
                ActivityStatusCode.SUCCESSFUL, ScheduledCapacity.boundsStatusMessage(action), List.of(), now);
        Uni<Void> count = target.knownDesiredCount() == null || result.desiredCount() == known ? Uni.createFrom().voidItem()
                : changes.record(tx, stored.tenant(), bounded, known, result.desiredCount(), result.countCause(before))
                        .invoke(written::add).replaceWithVoid();
        return moveOn.chain(() -> targets.update(tx, stored.tenant(), bounded, null))
                .chain(() -> changes.recordFinished(tx, bounds))
                .chain(() -> count)
                .replaceWith(written);
    }
}
