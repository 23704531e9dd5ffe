package dev.berth.registry.events;

import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.messaging.TenantEvents;
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
        TenantEvents.send(emitter, EventEnvelope.of(ImageAction.TYPE, ImageAction.VERSION, tenant, null, action),
                "image action " + action.actionType() + " " + action.repositoryName() + "@" + action.imageDigest());
    }

    private static String withinTenant(String tenant, String repository) {
        return repository.startsWith(tenant + "/") ? repository.substring(tenant.length() + 1) : repository;
    }
}
