package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Ingestion throughput, run by hand (its name is neither *Test nor *IT):
 * {@code flock /tmp/berth-tests.lock mvn -B -q -o -pl autoscaler-service -am verify
 * -Dtest=MetricIngestionBench -Dsurefire.failIfNoSpecifiedTests=false}. It prints data points per second
 * and checks only that every data point was stored once.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class MetricIngestionBench {

    private static final int METRICS = 5000;
    private static final int PER_BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MetricWriter writer;

    @Inject
    Pool pool;

    private double storedSamples(String namespace) {
        return pool.preparedQuery("SELECT coalesce(sum(d.sample_count), 0) AS n FROM datapoint_1m d JOIN metric m "
                        + "ON m.id = d.metric_id WHERE m.tenant = 'acme' AND m.namespace = $1")
                .execute(Tuple.of(namespace)).await().indefinitely().iterator().next().getDouble("n");
    }

    @Test
    void writerPolls() {
        String namespace = "Bench/" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        int total = 0;
        for (int round = 0; round < 6; round++) {
            List<IncomingBatch> batches = new ArrayList<>();
            for (int b = 0; b < 200; b++) {
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < PER_BATCH; i++) {
                    MetricKey key = new MetricKey(namespace, "CPUUtilization",
                            List.of(new DimensionValue("TaskId", "t" + (b * PER_BATCH + i) % METRICS)));
                    samples.add(new Sample("acme", key, now.minusSeconds(round * 10L + b % 10), SampleSet.of(i),
                            StandardUnit.PERCENT, true));
                }
                batches.add(new IncomingBatch(UUID.randomUUID().toString(), "acme", samples));
            }
            long start = System.nanoTime();
            int stored = writer.consume(batches).await().indefinitely();
            double seconds = (System.nanoTime() - start) / 1e9;
            total += stored;
            System.out.printf("BENCH writer poll %d (%s): %d data points in %.3f s = %.0f/s%n", round,
                    round == 0 ? "creates the metrics" : "metrics known", stored, seconds, stored / seconds);
        }
        assertEquals(total, storedSamples(namespace));
    }

    @Test
    void throughKafka() throws Exception {
        String namespace = "Bench/" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        int envelopes = 2000;
        long start = System.nanoTime();
        for (int e = 0; e < envelopes; e++) {
            List<Map<String, Object>> points = new ArrayList<>(PER_BATCH);
            for (int i = 0; i < PER_BATCH; i++) {
                points.add(Map.of("namespace", namespace, "name", "CPUUtilization", "dimensions",
                        Map.of("TaskId", "t" + (e * PER_BATCH + i) % METRICS), "value", i, "unit", "Percent",
                        "timestamp", now.minusSeconds(e % 60).toString()));
            }
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("type", "MetricBatch");
            envelope.put("version", 1);
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("tenant", "acme");
            envelope.put("detail", Map.of("cluster", "default", "hostId", "h" + e % 20, "datapoints", points));
            MetricsTestClient.producer().send(new ProducerRecord<>("berth.metrics", "h" + e % 20,
                    JSON.writeValueAsString(envelope)));
        }
        MetricsTestClient.producer().flush();
        double produced = (System.nanoTime() - start) / 1e9;
        double expected = (double) envelopes * PER_BATCH;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        double stored = storedSamples(namespace);
        while (stored < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stored = storedSamples(namespace);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH kafka: %.0f data points produced (in %.3f s) and stored in %.3f s = %.0f/s%n", stored,
                produced, seconds, stored / seconds);
        assertEquals(expected, stored);
    }
}
