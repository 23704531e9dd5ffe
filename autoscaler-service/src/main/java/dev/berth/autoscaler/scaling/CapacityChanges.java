package dev.berth.autoscaler.scaling;

import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.scaling.ScalingAction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * The one way a service's desired count changes: an InProgress activity "Setting desired count to N." is
 * written in the caller's transaction, and once that commits its {@link ScalingAction} (id = activity id)
 * goes to the scheduler on {@code berth.scaling-actions}. {@link ScalingResultsConsumer} closes the activity
 * with the outcome; {@link ScalingActivityJobs} sends it again while none came, so neither a lost message
 * nor a restart of either service loses the change (the scheduler applies an action id once).
 */
@ApplicationScoped
public class CapacityChanges {

    private static final Logger LOG = Logger.getLogger(CapacityChanges.class);

    @Inject
    ScalingActivityStore activities;

    @Inject
    @Channel("scaling-actions-out")
    Emitter<Record<String, EventEnvelope<ScalingAction>>> actions;

    /** Records the change in {@code tx}; call {@link #send} with the answer once the transaction committed. */
    public Uni<ScalingActivity> record(SqlClient tx, String tenant, ScalableTarget target, int currentCount, int newCount,
            String cause) {
        ScalingActivity activity = ScalingActivity.capacityChange(tenant, target.id(), target.capacity(), currentCount,
                newCount, cause, Instant.now());
        return activities.insert(tx, activity).replaceWith(activity);
    }

    /** A finished activity that sets no count (the bounds a scheduled action set), in {@code tx}. */
    public Uni<ScalingActivity> recordFinished(SqlClient tx, ScalingActivity activity) {
        return activities.insert(tx, activity).replaceWith(activity);
    }

    /** A policy's decision not to scale, in {@code tx}, unless it repeats the target's latest activity. */
    public Uni<Void> recordNotScaled(SqlClient tx, ScalingActivity activity) {
        return activities.insertUnlessRepeated(tx, activity);
    }

    public void send(List<ScalingActivity> changes) {
        changes.stream().filter(ScalingActivity::isCapacityChange).forEach(this::send);
    }

    public void send(ScalingActivity change) {
        EcsServiceResourceId resource = change.target().resourceId();
        ScalingAction action = new ScalingAction(change.activityId().toString(), resource.toString(),
                change.target().dimension().awsName(), resource.clusterName(), resource.serviceName(),
                change.desiredCount(), change.minCapacity(), change.maxCapacity(), change.scaleIn(), change.cause());
        EventEnvelope<ScalingAction> envelope = new EventEnvelope<>(ScalingAction.TYPE, ScalingAction.VERSION,
                action.actionId(), change.tenant(), Instant.now(), null, action);
        // not sent now (Kafka away): the re-send job sends it again, with the same id
        actions.send(Record.of(resource.toString(), envelope)).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warnf("scaling action %s for %s not sent yet: %s", action.actionId(), action.resourceId(),
                        failure.getMessage());
            }
        });
    }
}
