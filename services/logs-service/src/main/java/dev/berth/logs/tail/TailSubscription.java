package dev.berth.logs.tail;

import dev.berth.logs.events.InputEvent;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.ingest.IncomingBatch;
import java.util.List;
import java.util.function.Consumer;

/** What one live tail wants: a group of a tenant, some or all of its streams, events matching a pattern. */
record TailSubscription(String tenant, String logGroup, List<String> streamNames, String streamPrefix,
                        FilterPattern pattern, Consumer<TailEvent> sink) {

    void offer(IncomingBatch batch, long receivedAt) {
        if (!batch.tenant().equals(tenant) || !batch.logGroup().equals(logGroup) || !wantsStream(batch.logStream())) {
            return;
        }
        for (InputEvent event : batch.events()) {
            if (pattern.matches(event.message())) {
                sink.accept(new TailEvent(logGroup, batch.logStream(), event.timestamp(), event.message(), receivedAt));
            }
        }
    }

    private boolean wantsStream(String stream) {
        return (streamNames.isEmpty() || streamNames.contains(stream))
                && (streamPrefix == null || stream.startsWith(streamPrefix));
    }
}
