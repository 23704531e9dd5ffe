package dev.berth.autoscaler.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metrics in PostgreSQL: one row per tenant, namespace, name and canonical dimensions. Ids are
 * looked up (and new metrics created) for a whole batch in a few statements, and kept in memory:
 * a metric row is never changed, so a cached id never goes stale.
 */
@ApplicationScoped
public class MetricStore {

    /** A stored metric. */
    public record StoredMetric(long id, MetricKey key) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    MetricsConfig config;

    private final Map<TenantMetric, Long> ids = new ConcurrentHashMap<>();

    /**
     * The ids of these metrics, creating the missing ones while their tenant stays within
     * {@code maxMetricsPerTenant}; a metric left out of the answer would have gone over it. Only ids of
     * metrics that existed before are cached here: see {@link #remember}.
     */
    public Uni<Map<TenantMetric, Long>> ids(SqlClient tx, Set<TenantMetric> metrics) {
        return ids(tx, metrics, config.maxMetricsPerTenant());
    }

    /** As {@link #ids(SqlClient, Set)} with {@code maxPerTenant} metrics a tenant may have. */
    public Uni<Map<TenantMetric, Long>> ids(SqlClient tx, Set<TenantMetric> metrics, int maxPerTenant) {
        Map<TenantMetric, Long> found = new HashMap<>();
        List<TenantMetric> unknown = new ArrayList<>();
        for (TenantMetric m : metrics) {
            Long id = ids.get(m);
            if (id != null) {
                found.put(m, id);
            } else {
                unknown.add(m);
            }
        }
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return existing(tx, unknown).chain(existing -> {
            found.putAll(existing);
            remember(existing);
            List<TenantMetric> missing = unknown.stream().filter(m -> !existing.containsKey(m)).toList();
            return missing.isEmpty() ? Uni.createFrom().item(found)
                    : create(tx, missing, maxPerTenant).map(created -> {
                        found.putAll(created);
                        return found;
                    });
        });
    }

    /**
     * Keeps ids in memory; the writer calls it for the ids of metrics it created once their transaction
     * has committed (an id of a rolled-back insert must never be cached).
     */
    public void remember(Map<TenantMetric, Long> found) {
        if (ids.size() + found.size() > config.idCacheSize()) {
            ids.clear();
        }
        ids.putAll(found);
    }

    private Uni<Map<TenantMetric, Long>> existing(SqlClient tx, List<TenantMetric> metrics) {
        Map<String, TenantMetric> byHashKey = new HashMap<>();
        String[] tenants = new String[metrics.size()];
        String[] namespaces = new String[metrics.size()];
        String[] names = new String[metrics.size()];
        String[] hashes = new String[metrics.size()];
        for (int i = 0; i < metrics.size(); i++) {
            TenantMetric m = metrics.get(i);
            tenants[i] = m.tenant();
            namespaces[i] = m.key().namespace();
            names[i] = m.key().metricName();
            hashes[i] = m.key().dimensionsHash();
            byHashKey.put(rowKey(tenants[i], namespaces[i], names[i], hashes[i]), m);
        }
        return tx.preparedQuery("SELECT m.id, m.tenant, m.namespace, m.name, m.dims_hash FROM metric m "
                        + "JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(tenant, namespace, name, h) "
                        + "ON m.tenant = u.tenant AND m.namespace = u.namespace AND m.name = u.name AND m.dims_hash = u.h")
                .execute(Tuple.tuple().addArrayOfString(tenants).addArrayOfString(namespaces)
                        .addArrayOfString(names).addArrayOfString(hashes))
                .map(rows -> byRowKey(rows, byHashKey));
    }

    /** Creates metrics under each tenant's limit; a lock per tenant keeps concurrent writers from both passing it. */
    private Uni<Map<TenantMetric, Long>> create(SqlClient tx, List<TenantMetric> metrics, int maxPerTenant) {
        String[] tenants = metrics.stream().map(TenantMetric::tenant).distinct().sorted().toArray(String[]::new);
        return tx.preparedQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('berth.metric:' || t)) "
                        + "FROM unnest($1::text[]) AS t ORDER BY t) AS locked")
                .execute(Tuple.tuple().addArrayOfString(tenants))
                .chain(() -> tx.preparedQuery("SELECT tenant, count(*) AS n FROM metric WHERE tenant = ANY($1) "
                        + "GROUP BY tenant").execute(Tuple.tuple().addArrayOfString(tenants)))
                .chain(rows -> {
                    Map<String, Long> room = new HashMap<>();
                    for (String t : tenants) {
                        room.put(t, (long) maxPerTenant);
                    }
                    rows.forEach(row -> room.merge(row.getString("tenant"), -row.getLong("n"), Long::sum));
                    List<TenantMetric> allowed = new ArrayList<>();
                    for (TenantMetric m : new LinkedHashSet<>(metrics)) {
                        if (room.merge(m.tenant(), -1L, Long::sum) >= 0) {
                            allowed.add(m);
                        }
                    }
                    return allowed.isEmpty() ? Uni.createFrom().item(Map.<TenantMetric, Long>of()) : insert(tx, allowed);
                });
    }

    private Uni<Map<TenantMetric, Long>> insert(SqlClient tx, List<TenantMetric> metrics) {
        Map<String, TenantMetric> byHashKey = new HashMap<>();
        int n = metrics.size();
        String[] tenants = new String[n];
        String[] namespaces = new String[n];
        String[] names = new String[n];
        String[] hashes = new String[n];
        String[] dimensions = new String[n];
        for (int i = 0; i < n; i++) {
            TenantMetric m = metrics.get(i);
            tenants[i] = m.tenant();
            namespaces[i] = m.key().namespace();
            names[i] = m.key().metricName();
            hashes[i] = m.key().dimensionsHash();
            dimensions[i] = dimensionsJson(m.key().dimensions());
            byHashKey.put(rowKey(tenants[i], namespaces[i], names[i], hashes[i]), m);
        }
        return tx.preparedQuery("INSERT INTO metric (tenant, namespace, name, dims_hash, dimensions) "
                        + "SELECT u.tenant, u.namespace, u.name, u.h, u.d::jsonb "
                        + "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(tenant, namespace, name, h, d) "
                        + "ON CONFLICT (tenant, namespace, name, dims_hash) DO UPDATE SET name = excluded.name "
                        + "RETURNING id, tenant, namespace, name, dims_hash")
                .execute(Tuple.tuple().addArrayOfString(tenants).addArrayOfString(namespaces).addArrayOfString(names)
                        .addArrayOfString(hashes).addArrayOfString(dimensions))
                .map(rows -> byRowKey(rows, byHashKey));
    }

    /** The id of a tenant's metric, if it has had data. */
    public Uni<Optional<Long>> find(String tenant, MetricKey key) {
        Long cached = ids.get(new TenantMetric(tenant, key));
        if (cached != null) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        return pool.preparedQuery("SELECT id FROM metric WHERE tenant = $1 AND namespace = $2 AND name = $3 "
                        + "AND dims_hash = $4")
                .execute(Tuple.of(tenant, key.namespace(), key.metricName(), key.dimensionsHash()))
                .map(rows -> Rows.first(rows, row -> row.getLong("id")));
    }

    /**
     * ListMetrics: a tenant's metrics in id order after {@code afterId}, of a namespace and name when given,
     * having every dimension of {@code filters} (a filter without value matches any value), with data within
     * {@code activeWithin} of now.
     */
    public Uni<List<StoredMetric>> list(String tenant, String namespace, String metricName,
                                        List<DimensionFilter> filters, Duration activeWithin, long afterId, int limit) {
        JsonArray containment = new JsonArray();
        for (DimensionFilter f : filters) {
            JsonObject o = new JsonObject().put("Name", f.name());
            if (f.value() != null) {
                o.put("Value", f.value());
            }
            containment.add(o);
        }
        // every data point is in the 1-minute table, whose key starts with the metric: one index probe a metric
        return pool.preparedQuery("SELECT id, namespace, name, dimensions FROM metric m WHERE tenant = $1 "
                        + "AND ($2::text IS NULL OR namespace = $2) AND ($3::text IS NULL OR name = $3) "
                        + "AND dimensions @> $4::text::jsonb AND id > $5 AND EXISTS (SELECT 1 FROM datapoint_1m d "
                        + "WHERE d.metric_id = m.id AND d.ts >= now() - $7::bigint * interval '1 second') "
                        + "ORDER BY id LIMIT $6")
                .execute(Tuple.tuple().addString(tenant).addString(namespace).addString(metricName)
                        .addString(containment.encode()).addLong(afterId).addInteger(limit)
                        .addLong(activeWithin.toSeconds()))
                .map(rows -> Rows.all(rows, MetricStore::stored));
    }

    /** A dimension filter of ListMetrics: the name, and the value when it must match. */
    public record DimensionFilter(String name, String value) {
    }

    private static StoredMetric stored(Row row) {
        JsonArray dims = row.getJsonArray("dimensions");
        List<DimensionValue> dimensions = new ArrayList<>(dims.size());
        for (int i = 0; i < dims.size(); i++) {
            JsonObject d = dims.getJsonObject(i);
            dimensions.add(new DimensionValue(d.getString("Name"), d.getString("Value")));
        }
        return new StoredMetric(row.getLong("id"),
                new MetricKey(row.getString("namespace"), row.getString("name"), dimensions));
    }

    private String dimensionsJson(List<DimensionValue> dimensions) {
        List<Map<String, String>> list = new ArrayList<>(dimensions.size());
        for (DimensionValue d : dimensions) {
            list.add(Map.of("Name", d.name(), "Value", d.value()));
        }
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rowKey(String tenant, String namespace, String name, String hash) {
        return tenant + '\0' + namespace + '\0' + name + '\0' + hash;
    }

    private static Map<TenantMetric, Long> byRowKey(io.vertx.mutiny.sqlclient.RowSet<Row> rows,
                                                    Map<String, TenantMetric> byHashKey) {
        Map<TenantMetric, Long> found = new HashMap<>();
        for (Row row : rows) {
            TenantMetric m = byHashKey.get(rowKey(row.getString("tenant"), row.getString("namespace"),
                    row.getString("name"), row.getString("dims_hash")));
            if (m != null) {
                found.put(m, row.getLong("id"));
            }
        }
        return found;
    }
}
