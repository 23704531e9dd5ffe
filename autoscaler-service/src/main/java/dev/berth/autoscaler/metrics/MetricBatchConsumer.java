package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes berth.metrics in polls of many records and writes each poll in one transaction, which also
 * records the envelopes' ids: the poll is acknowledged (its offsets committed) only after it commits,
 * and a batch delivered again is skipped. A write that fails is retried until the database takes it;
 * a record that is not a MetricBatch is logged and skipped.
 */
@ApplicationScoped
public class MetricBatchConsumer {

    private static final Logger LOG = Logger.getLogger(MetricBatchConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    MetricWriter writer;

    @Incoming("metric-batches")
    public Uni<Void> consume(List<String> records) {
        Instant now = Instant.now();
        List<IncomingBatch> batches = new ArrayList<>(records.size());
        for (String record : records) {
            try {
                MetricBatches.parse(json.readTree(record), now).ifPresentOrElse(parsed -> {
                    if (parsed.skipped() > 0) {
                        LOG.warnf("MetricBatch %s of tenant %s: %d data points left out, the first: %s",
                                parsed.batch().id(), parsed.batch().tenant(), parsed.skipped(), parsed.firstProblem());
                    }
                    batches.add(parsed.batch());
                }, () -> LOG.warnf("skipped a record on berth.metrics that is not a MetricBatch: %.200s", record));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("skipped a record on berth.metrics that is not JSON: %s", e.getMessage());
            }
        }
        return writer.consume(batches)
                .onFailure().invoke(e -> LOG.warnf("writing %d metric batches failed, retrying: %s", batches.size(),
                        e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .replaceWithVoid();
    }
}
