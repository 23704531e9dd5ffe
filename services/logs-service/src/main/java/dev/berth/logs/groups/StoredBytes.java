package dev.berth.logs.groups;

import dev.berth.logs.LogsConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What tenants store, for the storage quota: summing a tenant's byte counts per group and day on every
 * PutLogEvents would cost more than the write, so a sum is reused for a few seconds. The quota may be
 * overshot by what is written in that time.
 */
@ApplicationScoped
public class StoredBytes {

    private record Sum(long bytes, long summedAt) {
    }

    private final Map<String, Sum> sums = new ConcurrentHashMap<>();

    @Inject
    Pool pool;

    @Inject
    LogsConfig config;

    /** Bytes stored by each of the tenants (0 for one that stores nothing). */
    public Uni<Map<String, Long>> of(Collection<String> tenants) {
        long now = System.currentTimeMillis();
        List<String> stale = tenants.stream().distinct()
                .filter(t -> sums.get(t) == null || now - sums.get(t).summedAt() > config.cache().storedBytes().toMillis()).toList();
        Uni<Void> summed = stale.isEmpty() ? Uni.createFrom().voidItem()
                : UniHelper.toUni(pool.preparedQuery("SELECT g.tenant, sum(b.bytes)::bigint AS bytes FROM log_group g "
                                + "JOIN log_bytes b ON b.group_id = g.id WHERE g.tenant = ANY($1) GROUP BY g.tenant")
                        .execute(Tuple.of(stale.toArray(String[]::new))))
                        .invoke(rows -> {
                            Map<String, Long> found = new HashMap<>();
                            rows.forEach(row -> found.put(row.getString("tenant"), row.getLong("bytes")));
                            stale.forEach(t -> sums.put(t, new Sum(found.getOrDefault(t, 0L), now)));
                        }).replaceWithVoid();
        return summed.map(x -> {
            Map<String, Long> bytes = new HashMap<>();
            tenants.forEach(t -> bytes.put(t, sums.getOrDefault(t, new Sum(0, now)).bytes()));
            return bytes;
        });
    }
}
