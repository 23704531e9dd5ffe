package dev.berth.autoscaler.alarms;

import dev.berth.common.messaging.EventEnvelope;
import dev.berth.common.messaging.TenantEvents;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Announces alarm state changes on {@code berth.events}, keyed by tenant; never holds up an evaluation. */
@ApplicationScoped
public class AlarmEvents {

    @Inject
    @Channel("alarm-events")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
    Emitter<Record<String, EventEnvelope<AlarmStateChangeEvent>>> emitter;

    public void stateChanged(String tenant, AlarmStateChangeEvent change) {
        TenantEvents.send(emitter, EventEnvelope.of(AlarmStateChangeEvent.TYPE, AlarmStateChangeEvent.VERSION, tenant, null,
                change), "alarm " + change.alarmName() + " to " + change.state().value());
    }
}
