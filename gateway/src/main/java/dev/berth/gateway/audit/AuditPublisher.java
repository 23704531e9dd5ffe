package dev.berth.gateway.audit;

import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.messaging.TenantEvents;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Sends audit events to {@code berth.events}, keyed by tenant; never holds up the API call. */
@ApplicationScoped
public class AuditPublisher {

    @Inject
    @Channel("audit")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
    Emitter<Record<String, EventEnvelope<AuditEvent>>> emitter;

    void publish(EventEnvelope<AuditEvent> event) {
        TenantEvents.send(emitter, event, "audit " + event.detail().action() + " " + event.detail().resource());
    }
}
