package dev.berth.logs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.logs.events.InputEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A LogBatch message as read from berth.logs: the envelope's id and tenant with the batch; cluster and
 * host are those of the agent that sent it (the scheduler sets them), null for this service's own batches.
 */
public record IncomingBatch(String id, String tenant, String cluster, String hostId, String logGroup, String logStream,
                            List<InputEvent> events) {

    /** The batch in a message, empty when the message is not a well-formed LogBatch (it is then skipped). */
    public static Optional<IncomingBatch> of(JsonNode message) {
        JsonNode detail = message.path("detail");
        String id = message.path("id").asText(null);
        String tenant = message.path("tenant").asText(null);
        String group = detail.path("logGroup").asText(null);
        String stream = detail.path("logStream").asText(null);
        if (!LogBatch.TYPE.equals(message.path("type").asText()) || id == null || tenant == null || group == null
                || stream == null || !detail.path("events").isArray()) {
            return Optional.empty();
        }
        List<InputEvent> events = new ArrayList<>(detail.path("events").size());
        for (JsonNode event : detail.path("events")) {
            String text = event.path("message").asText("");
            if (!text.isEmpty()) {
                events.add(new InputEvent(event.path("timestamp").asLong(), storable(text)));
            }
        }
        return Optional.of(new IncomingBatch(id, tenant, detail.path("cluster").asText(null),
                detail.path("hostId").asText(null), group, stream, events));
    }

    /** The same batch with other events. */
    public IncomingBatch withEvents(List<InputEvent> replaced) {
        return new IncomingBatch(id, tenant, cluster, hostId, logGroup, logStream, replaced);
    }

    /** PostgreSQL text cannot hold NUL; CloudWatch would not keep it either. */
    private static String storable(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }
}
