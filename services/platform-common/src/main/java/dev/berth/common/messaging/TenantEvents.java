package dev.berth.common.messaging;

import io.smallrye.reactive.messaging.kafka.Record;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Sends platform events keyed by their tenant (so one tenant's events stay in order) or by another key. An event
 * never holds up or fails the call that caused it: a send that fails is logged with
 * {@code description}, and so is one the emitter refuses.
 */
public final class TenantEvents {

    private static final Logger LOG = Logger.getLogger(TenantEvents.class);

    private TenantEvents() {
    }

    public static <T> void send(Emitter<Record<String, EventEnvelope<T>>> emitter, EventEnvelope<T> event,
                                String description) {
        send(emitter, event.tenant(), event, description);
    }

    /** The same for a topic keyed by something else (a task, a host): per-key order instead of per-tenant. */
    public static <T> void send(Emitter<Record<String, EventEnvelope<T>>> emitter, String key, EventEnvelope<T> event,
                                String description) {
        try {
            emitter.send(Record.of(key, event)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.errorf("event %s (%s) not delivered: %s", event.id(), description, failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("event %s (%s) dropped: %s", event.id(), description, e.getMessage());
        }
    }
}
