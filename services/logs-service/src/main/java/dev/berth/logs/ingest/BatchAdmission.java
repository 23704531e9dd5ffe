package dev.berth.logs.ingest;

import dev.berth.logs.events.InputEvent;
import dev.berth.logs.events.PutLogEventsLimits;
import dev.berth.logs.groups.ReservedGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a batch on berth.logs may hold, decided before it is stored or tailed. A batch for a reserved
 * group ({@code /berth/...}) that the audit trail did not write is refused whole, so a tenant's agent
 * cannot forge audit events. An event over the size limit is cut to it, as CloudWatch's agent
 * truncates events over 256 KB: the start of an oversized event (the first lines of a huge stack trace)
 * is what is usually wanted, and the agent that sent it cannot be answered with an error.
 */
public final class BatchAdmission {

    /** The batch to go on with (empty when refused), how many of its events were cut, and why it was refused. */
    public record Decision(Optional<IncomingBatch> admitted, int truncatedEvents, String refusal) {
    }

    private BatchAdmission() {
    }

    public static Decision of(IncomingBatch batch) {
        if (ReservedGroups.isReserved(batch.logGroup()) && !AuditTrail.wrote(batch)) {
            return new Decision(Optional.empty(), 0, "reserved log group " + batch.logGroup());
        }
        int truncated = 0;
        List<InputEvent> events = null;
        for (int i = 0; i < batch.events().size(); i++) {
            InputEvent event = batch.events().get(i);
            String message = PutLogEventsLimits.truncated(event.message());
            if (message != event.message()) {
                if (events == null) {
                    events = new ArrayList<>(batch.events());
                }
                events.set(i, new InputEvent(event.timestamp(), message));
                truncated++;
            }
        }
        return new Decision(Optional.of(events == null ? batch : batch.withEvents(events)), truncated, null);
    }
}
