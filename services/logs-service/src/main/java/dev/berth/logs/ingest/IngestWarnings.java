package dev.berth.logs.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * What ingestion of berth.logs left out or changed, logged and counted in {@code berth_logs_ingest_*}
 * metrics: agents cannot be answered with an error, so this is where an operator sees it.
 */
@ApplicationScoped
public class IngestWarnings {

    private static final Logger LOG = Logger.getLogger(IngestWarnings.class);

    @Inject
    MeterRegistry registry;

    /** A batch not stored at all; {@code reason} is a short metric tag, {@code detail} says more. */
    void refused(IncomingBatch batch, String reason, String detail) {
        registry.counter("berth.logs.ingest.refused.batches", "reason", reason).increment();
        registry.counter("berth.logs.ingest.refused.events", "reason", reason).increment(batch.events().size());
        LOG.warnf("refused a log batch of tenant %s (%d events for %s/%s, host %s): %s", batch.tenant(),
                batch.events().size(), batch.logGroup(), batch.logStream(), batch.hostId(), detail);
    }

    void truncated(IncomingBatch batch, int events) {
        registry.counter("berth.logs.ingest.truncated.events").increment(events);
        LOG.warnf("cut %d events of tenant %s in %s/%s to 262,144 bytes each", events, batch.tenant(),
                batch.logGroup(), batch.logStream());
    }
}
