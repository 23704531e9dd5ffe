package dev.berth.logs.ingest;

import dev.berth.logs.LogsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What ingestion of berth.logs left out or changed, counted in {@code berth_logs_ingest_*} metrics and
 * logged: agents cannot be answered with an error, so this is where an operator sees it. One warning per
 * reason every 10 seconds at most, with how many batches it stands for, so a flood does not flood the log.
 */
@ApplicationScoped
public class IngestWarnings {

    private static final Logger LOG = Logger.getLogger(IngestWarnings.class);

    private record Logged(long at, int since) {
    }

    private final Map<String, Logged> lastLogged = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    @Inject
    LogsConfig config;

    /** A batch not stored at all; {@code reason} is a short metric tag, {@code detail} says more. */
    void refused(IncomingBatch batch, String reason, String detail) {
        registry.counter("berth.logs.ingest.refused.batches", "reason", reason).increment();
        registry.counter("berth.logs.ingest.refused.events", "reason", reason).increment(batch.events().size());
        int batches = due(reason);
        if (batches > 0) {
            LOG.warnf("refused %d log batches (%s) since the last warning, e.g. %d events of tenant %s for %s/%s "
                    + "from host %s: %s", batches, reason, batch.events().size(), batch.tenant(), batch.logGroup(),
                    batch.logStream(), batch.hostId(), detail);
        }
    }

    void truncated(IncomingBatch batch, int events) {
        registry.counter("berth.logs.ingest.truncated.events").increment(events);
        int batches = due("truncated");
        if (batches > 0) {
            LOG.warnf("cut events over 262,144 bytes in %d log batches since the last warning, e.g. %d events of "
                    + "tenant %s in %s/%s", batches, events, batch.tenant(), batch.logGroup(), batch.logStream());
        }
    }

    /** How many occurrences the warning due now stands for, or 0 when it is not due yet. */
    private int due(String reason) {
        long now = System.currentTimeMillis();
        int[] due = {0};
        lastLogged.compute(reason, (key, last) -> {
            int since = last == null ? 1 : last.since() + 1;
            if (last == null || now - last.at() >= config.cache().ingestWarningsQuiet().toMillis()) {
                due[0] = since;
                return new Logged(now, 0);
            }
            return new Logged(last.at(), since);
        });
        return due[0];
    }
}
