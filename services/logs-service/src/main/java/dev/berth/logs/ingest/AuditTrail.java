package dev.berth.logs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.messaging.EventEnvelope;
import dev.berth.logs.events.InputEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Puts the gateway's audit events from berth.events into each tenant's {@code /berth/audit}
 * log group (stream {@code api-calls}), one event per API call with the call as JSON, so the
 * trail is filtered and tailed like any log: {@code { $.principal = "acme-admin" && $.result >= 400 }}.
 * The batch id derives from the event id, so a redelivered event is stored once.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String GROUP = "/berth/audit";
    public static final String STREAM = "api-calls";
    static final String AUDIT_TYPE = "berth.audit.api-call";
    private static final String BATCH_ID_PREFIX = "audit/";

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    @Inject
    ObjectMapper json;

    @Inject
    LogBatchPublisher publisher;

    @Incoming("platform-events")
    public Uni<Void> consume(String record) {
        JsonNode event;
        try {
            event = json.readTree(record);
        } catch (IOException e) {
            LOG.warnf("skipped a record on berth.events that is not JSON: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        String tenant = event.path("tenant").asText(null);
        if (!AUDIT_TYPE.equals(event.path("type").asText()) || tenant == null || !event.hasNonNull("id")) {
            return Uni.createFrom().voidItem();
        }
        InputEvent line = new InputEvent(millis(event.path("time")), event.path("detail").toString());
        EventEnvelope<LogBatch> batch = new EventEnvelope<>(LogBatch.TYPE, LogBatch.VERSION,
                BATCH_ID_PREFIX + event.get("id").asText(), tenant, Instant.now(), null,
                new LogBatch(null, null, GROUP, STREAM, List.of(line)));
        return publisher.publish(batch).replaceWithVoid();
    }

    /**
     * Whether a batch on berth.logs is one this class wrote. Agents' batches come through the scheduler,
     * which sets their cluster, host and an id of its own; PutLogEvents refuses reserved groups; so a
     * batch for the audit group without cluster and host and with an audit id is the platform's.
     */
    public static boolean wrote(IncomingBatch batch) {
        return batch.id().startsWith(BATCH_ID_PREFIX) && batch.cluster() == null && batch.hostId() == null
                && GROUP.equals(batch.logGroup()) && STREAM.equals(batch.logStream());
    }

    /** An envelope's time, written as ISO-8601 or as epoch seconds with a fraction. */
    private static long millis(JsonNode time) {
        if (time.isNumber()) {
            return (long) (time.asDouble() * 1000);
        }
        return time.isTextual() ? Instant.parse(time.asText()).toEpochMilli() : System.currentTimeMillis();
    }
}
