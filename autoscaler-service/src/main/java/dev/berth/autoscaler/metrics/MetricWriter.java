package dev.berth.autoscaler.metrics;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.messaging.Topic;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Writes samples in one transaction: metric ids for the whole batch, then one upsert into the
 * 1-minute table and, for high-resolution samples, one into the 1-second table. Batches from Kafka
 * are deduplicated by envelope id in the same transaction.
 */
@ApplicationScoped
public class MetricWriter {

    private static final Logger LOG = Logger.getLogger(MetricWriter.class);

    @Inject
    Pool pool;

    @Inject
    MetricStore metrics;

    @Inject
    DatapointStore datapoints;

    @Inject
    MetricsConfig config;

    /**
     * PutMetricData: all of it or nothing. A new metric that would take its tenant over its limit is a
     * LimitExceededException naming that datum's MetricName.
     */
    public Uni<Void> put(List<Sample> samples) {
        Map<TenantMetric, Long> written = new HashMap<>();
        return pool.withTransaction(tx -> metrics.ids(tx, keys(samples)).chain(ids -> {
            written.putAll(ids);
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                if (!ids.containsKey(new TenantMetric(s.tenant(), s.key()))) {
                    throw new InvalidInputException(ErrorCode.LIMIT_EXCEEDED, "MetricData[" + i + "].MetricName",
                            "the tenant has " + config.maxMetricsPerTenant()
                                    + " metrics already (berth.autoscaler.metrics.max-metrics-per-tenant)");
                }
            }
            return write(tx, samples, ids);
        })).invoke(() -> metrics.remember(written));
    }

    /**
     * Batches from berth.metrics, skipping those written before; samples of new metrics beyond their
     * tenant's limit are dropped with a warning. Answers how many samples it stored.
     */
    public Uni<Integer> consume(List<IncomingBatch> batches) {
        if (batches.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<TenantMetric, Long> written = new HashMap<>();
        return pool.withTransaction(tx -> fresh(tx, batches).chain(fresh -> {
            List<Sample> samples = fresh.stream().flatMap(b -> b.samples().stream()).toList();
            if (samples.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return metrics.ids(tx, keys(samples)).chain(ids -> {
                written.putAll(ids);
                List<Sample> kept = samples.stream()
                        .filter(s -> ids.containsKey(new TenantMetric(s.tenant(), s.key()))).toList();
                if (kept.size() < samples.size()) {
                    LOG.warnf("dropped %d data points of new metrics beyond their tenant's limit of %d "
                            + "(berth.autoscaler.metrics.max-metrics-per-tenant)", samples.size() - kept.size(),
                            config.maxMetricsPerTenant());
                }
                return write(tx, kept, ids).replaceWith(kept.size());
            });
        })).invoke(() -> metrics.remember(written));
    }

    private Uni<Void> write(SqlClient tx, List<Sample> samples, Map<TenantMetric, Long> ids) {
        List<LevelRow.Identified> all = new ArrayList<>(samples.size());
        List<LevelRow.Identified> highResolution = new ArrayList<>();
        for (Sample s : samples) {
            LevelRow.Identified identified = new LevelRow.Identified(ids.get(new TenantMetric(s.tenant(), s.key())), s);
            all.add(identified);
            if (s.highResolution()) {
                highResolution.add(identified);
            }
        }
        return datapoints.add(tx, StorageLevel.SECOND, LevelRow.of(StorageLevel.SECOND, highResolution))
                .chain(() -> datapoints.add(tx, StorageLevel.MINUTE, LevelRow.of(StorageLevel.MINUTE, all)));
    }

    private static Set<TenantMetric> keys(List<Sample> samples) {
        Set<TenantMetric> keys = new LinkedHashSet<>();
        samples.forEach(s -> keys.add(new TenantMetric(s.tenant(), s.key())));
        return keys;
    }

    /** The batches whose ids were not processed before, each once. */
    private static Uni<List<IncomingBatch>> fresh(SqlClient tx, List<IncomingBatch> batches) {
        String[] ids = batches.stream().map(IncomingBatch::id).toArray(String[]::new);
        String[] tenants = batches.stream().map(IncomingBatch::tenant).toArray(String[]::new);
        String[] topics = new String[ids.length];
        Arrays.fill(topics, Topic.METRICS.topicName());
        return tx.preparedQuery("INSERT INTO processed_message (message_id, topic, tenant) "
                        + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING "
                        + "RETURNING message_id")
                .execute(Tuple.of(ids, topics, tenants))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getString("message_id")));
                    List<IncomingBatch> fresh = new ArrayList<>();
                    for (IncomingBatch batch : batches) {
                        if (inserted.remove(batch.id())) {
                            fresh.add(batch);
                        }
                    }
                    return fresh;
                });
    }
}
