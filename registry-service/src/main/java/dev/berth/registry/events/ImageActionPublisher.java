package dev.berth.registry.events;

import dev.berth.common.messaging.EventEnvelope;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Announces image pushes and deletes on {@code berth.events}, keyed by tenant; never holds up the push. */
@ApplicationScoped
public class ImageActionPublisher {

    private static final Logger LOG = Logger.getLogger(ImageActionPublisher.class);

    @Inject
    @Channel("image-actions")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
    Emitter<Record<String, EventEnvelope<ImageAction>>> emitter;

    public void pushed(String tenant, String repository, String digest, String tag) {
        publish(tenant, new ImageAction("SUCCESS", withinTenant(tenant, repository), digest, "PUSH", tag));
    }

    public void deleted(String tenant, String repository, String digest, String tag) {
        publish(tenant, new ImageAction("SUCCESS", withinTenant(tenant, repository), digest, "DELETE", tag));
    }

    /** A lifecycle policy's rule expired the image (ECR reports the same as an image action). */
    public void expired(String tenant, String repository, String digest, List<String> tags, int rulePriority) {
        publish(tenant, new ImageAction("SUCCESS", withinTenant(tenant, repository), digest, "EXPIRE",
                tags.isEmpty() ? null : String.join(",", tags)));
        LOG.debugf("rule %d expired %s@%s", rulePriority, repository, digest);
    }

    private void publish(String tenant, ImageAction action) {
        EventEnvelope<ImageAction> event = EventEnvelope.of(ImageAction.TYPE, ImageAction.VERSION, tenant, null, action);
        try {
            emitter.send(Record.of(tenant, event)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.errorf("image action %s %s@%s not delivered: %s", action.actionType(), action.repositoryName(),
                            action.imageDigest(), failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("image action %s %s@%s dropped: %s", action.actionType(), action.repositoryName(),
                    action.imageDigest(), e.getMessage());
        }
    }

    private static String withinTenant(String tenant, String repository) {
        return repository.startsWith(tenant + "/") ? repository.substring(tenant.length() + 1) : repository;
    }
}
