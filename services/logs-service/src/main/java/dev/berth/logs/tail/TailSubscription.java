package dev.berth.logs.tail;

import dev.berth.logs.events.InputEvent;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.ingest.IncomingBatch;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one live tail wants: a group of a tenant, some or all of its streams, events matching a
 * pattern. Only the feed's reader thread calls it, so it needs no locking.
 */
final class TailSubscription {

    private final String tenant;
    private final String logGroup;
    private final List<String> streamNames;
    private final String streamPrefix;
    private final FilterPattern pattern;
    private final Consumer<TailUpdate> sink;
    private boolean started;

    TailSubscription(String tenant, String logGroup, List<String> streamNames, String streamPrefix,
                     FilterPattern pattern, Consumer<TailUpdate> sink) {
        this.tenant = tenant;
        this.logGroup = logGroup;
        this.streamNames = streamNames;
        this.streamPrefix = streamPrefix;
        this.pattern = pattern;
        this.sink = sink;
    }

    /** Called once the feed reads from positions taken after this tail was opened. */
    void live() {
        if (!started) {
            started = true;
            sink.accept(new TailUpdate.SessionStart(logGroup, pattern.text(), System.currentTimeMillis()));
        }
    }

    void offer(IncomingBatch batch, long receivedAt) {
        if (!started || !batch.tenant().equals(tenant) || !batch.logGroup().equals(logGroup)
                || !wantsStream(batch.logStream())) {
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
