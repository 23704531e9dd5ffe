package dev.berth.autoscaler.scaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.scaling.ScalingOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Closes capacity changes with the scheduler's outcomes from {@code berth.scaling-results}: SUCCESSFUL →
 * Successful, UNFULFILLED → Unfulfilled, FAILED → Failed, with the scheduler's StatusMessage. Only an open
 * activity is closed, so a redelivered outcome changes nothing; the count it reports becomes the target's
 * known desired count.
 */
@ApplicationScoped
public class ScalingResultsConsumer {

    private static final Logger LOG = Logger.getLogger(ScalingResultsConsumer.class);
    private static final TypeReference<EventEnvelope<ScalingOutcome>> ENVELOPE = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Inject
    ScalingActivityStore activities;

    @Inject
    ScalableTargetStore targets;

    @Incoming("scaling-results")
    public Uni<Void> consume(String record) {
        EventEnvelope<ScalingOutcome> envelope;
        try {
            envelope = json.readValue(record, ENVELOPE);
        } catch (JsonProcessingException e) {
            LOG.warnf("skipped a record on berth.scaling-results that is not an outcome: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        }
        ScalingOutcome outcome = envelope.detail();
        UUID activityId = activityId(outcome);
        if (!ScalingOutcome.TYPE.equals(envelope.type()) || envelope.tenant() == null || outcome == null
                || activityId == null || outcome.status() == null) {
            return Uni.createFrom().voidItem();
        }
        return apply(envelope.tenant(), activityId, outcome)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(30)
                .onFailure().recoverWithItem(e -> {
                    // the activity stays open and its action is re-sent: the scheduler answers again
                    LOG.errorf("outcome of scaling action %s not recorded: %s", outcome.actionId(), e.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    Uni<Boolean> apply(String tenant, UUID activityId, ScalingOutcome outcome) {
        return pool.withTransaction(tx -> activities.close(tx, tenant, activityId, ActivityOutcomes.statusOf(outcome.status()),
                        outcome.statusMessage(), Instant.now())
                .call(closed -> closed && outcome.desiredCount() != null && outcome.resourceId() != null
                        ? targets.knownDesiredCount(tx, tenant, outcome.resourceId(), outcome.desiredCount())
                        : Uni.createFrom().voidItem()));
    }

    private static UUID activityId(ScalingOutcome outcome) {
        if (outcome == null || outcome.actionId() == null) {
            return null;
        }
        try {
            return UUID.fromString(outcome.actionId());
        } catch (IllegalArgumentException e) {
            return null; // an action some other service sent (the stacks' instances)
        }
    }
}
