package dev.berth.gateway.audit;

import dev.berth.common.messaging.EventEnvelope;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Sends audit events to {@code berth.events}, keyed by tenant; never holds up the API call. */
@ApplicationScoped
public class AuditPublisher {

    private static final Logger LOG = Logger.getLogger(AuditPublisher.class);

    @Inject
    @Channel("audit")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
    Emitter<Record<String, EventEnvelope<AuditEvent>>> emitter;

    void publish(EventEnvelope<AuditEvent> event) {
        try {
            emitter.send(Record.of(event.tenant(), event)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.errorf("audit event %s (%s %s) not delivered: %s", event.id(), event.detail().action(),
                            event.detail().resource(), failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("audit event %s (%s %s) dropped: %s", event.id(), event.detail().action(),
                    event.detail().resource(), e.getMessage());
        }
    }
}
