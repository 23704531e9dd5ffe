package dev.berth.logs.ingest;

import dev.berth.logs.events.InputEvent;
import java.util.List;

/** What one batch added to a stream, for the work that follows a commit (metric filters). */
public record StoredEvents(String tenant, long groupId, String logGroup, String logStream, long ingestedAt,
                           List<InputEvent> events) {
}
