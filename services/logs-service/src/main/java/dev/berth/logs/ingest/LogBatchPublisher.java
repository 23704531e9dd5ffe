package dev.berth.logs.ingest;

import dev.berth.common.messaging.EventEnvelope;
import dev.berth.logs.events.InputEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Sends events this service received (PutLogEvents, audit events) to berth.logs as one LogBatch record. */
@ApplicationScoped
public class LogBatchPublisher {

    @Inject
    @Channel("log-batches-out")
    Emitter<Record<String, EventEnvelope<LogBatch>>> logs;

    /** Completes with the batch's id once Kafka has it; the batch is then certain to be stored whole. */
    public Uni<String> publish(String tenant, String group, String stream, List<InputEvent> events) {
        return publish(EventEnvelope.of(LogBatch.TYPE, LogBatch.VERSION, tenant, null,
                new LogBatch(null, null, group, stream, events)));
    }

    public Uni<String> publish(EventEnvelope<LogBatch> envelope) {
        return Uni.createFrom().completionStage(() -> logs.send(Record.of(envelope.detail().key(), envelope)))
                .replaceWith(envelope.id());
    }
}
