package dev.berth.logs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.logs.metricfilters.MetricFilterPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes berth.logs in polls of many records and writes each poll in one transaction; the
 * poll is acknowledged (and its offsets committed) only after that transaction commits. A write
 * that fails is retried until the database takes it, so nothing is skipped; a record that is not
 * a LogBatch is logged and skipped.
 */
@ApplicationScoped
public class LogBatchConsumer {

    private static final Logger LOG = Logger.getLogger(LogBatchConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    EventWriter writer;

    @Inject
    MetricFilterPublisher metricFilters;

    @Inject
    IngestWarnings warnings;

    @Incoming("log-batches")
    public Uni<Void> consume(List<String> records) {
        List<IncomingBatch> batches = new ArrayList<>(records.size());
        for (String record : records) {
            parse(record).flatMap(this::admitted).ifPresent(batches::add);
        }
        return writer.write(batches)
                .onFailure().invoke(e -> LOG.warnf("writing %d log batches failed, retrying: %s", batches.size(),
                        e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .call(metricFilters::publish)
                .replaceWithVoid();
    }

    private Optional<IncomingBatch> admitted(IncomingBatch batch) {
        BatchAdmission.Decision decision = BatchAdmission.of(batch);
        if (decision.refusal() != null) {
            warnings.refused(batch, "reserved-group", decision.refusal() + " is written only by the audit trail");
        } else if (decision.truncatedEvents() > 0) {
            warnings.truncated(batch, decision.truncatedEvents());
        }
        return decision.admitted();
    }

    private Optional<IncomingBatch> parse(String record) {
        try {
            JsonNode message = json.readTree(record);
            var batch = IncomingBatch.of(message);
            if (batch.isEmpty()) {
                LOG.warnf("skipped a record on berth.logs that is not a LogBatch: %.200s", record);
            }
            return batch;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("skipped a record on berth.logs that is not JSON: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
