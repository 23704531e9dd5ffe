package dev.berth.logs.ingest;

import dev.berth.logs.events.InputEvent;
import java.util.List;

/**
 * The {@code detail} of a {@code LogBatch} message on berth.logs: events for one stream. Host
 * agents send them through the scheduler (with cluster and host), PutLogEvents and the audit
 * trail through this service (without).
 */
public record LogBatch(String cluster, String hostId, String logGroup, String logStream, List<InputEvent> events) {

    public static final String TYPE = "LogBatch";
    public static final int VERSION = 1;

    public LogBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The record key: one stream's batches stay in order on one partition. */
    public String key() {
        return logGroup + "/" + logStream;
    }
}
