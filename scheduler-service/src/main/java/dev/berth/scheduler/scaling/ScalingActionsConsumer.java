package dev.berth.scheduler.scaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.scaling.ScalingAction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the autoscaler's decisions for services from {@code berth.scaling-actions}; other
 * dimensions on the topic (the stacks' instances) are someone else's. The offset moves on only
 * once the action is applied, so a scheduler that stops mid-way applies it on its next start.
 */
@ApplicationScoped
public class ScalingActionsConsumer {

    private static final Logger LOG = Logger.getLogger(ScalingActionsConsumer.class);
    private static final TypeReference<EventEnvelope<ScalingAction>> ENVELOPE = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Inject
    DesiredCountScaling scaling;

    @Incoming("scaling-actions")
    public Uni<Void> consume(String record) {
        EventEnvelope<ScalingAction> envelope;
        try {
            envelope = json.readValue(record, ENVELOPE);
        } catch (JsonProcessingException e) {
            LOG.warnf("skipped a record on berth.scaling-actions that is not a scaling action: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        }
        ScalingAction action = envelope.detail();
        if (!ScalingAction.TYPE.equals(envelope.type()) || envelope.tenant() == null || action == null
                || action.actionId() == null || action.cluster() == null || action.service() == null
                || !ScalingAction.ECS_SERVICE_DESIRED_COUNT.equals(action.scalableDimension())) {
            return Uni.createFrom().voidItem();
        }
        // PostgreSQL away for a while: try again rather than lose the decision; its partition waits
        return scaling.apply(envelope.tenant(), action)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(30)
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("scaling action %s for %s dropped: %s", action.actionId(), action.resourceId(), e.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }
}
