package dev.berth.logs.groups;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.db.Rows;
import dev.berth.logs.requests.AlreadyExistsException;
import dev.berth.logs.requests.LimitExceededException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Log groups in PostgreSQL, always within one tenant. */
@ApplicationScoped
public class LogGroupStore {

    private static final String COLUMNS = "id, tenant, name, retention_days, tags, created_at";
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /**
     * CreateLogGroup; a group of that name already there is a ResourceAlreadyExistsException, one more
     * than {@code maxGroups} of the tenant a LimitExceededException.
     */
    public Uni<LogGroup> create(String tenant, String name, Integer retentionDays, Map<String, String> tags,
                                int maxGroups) {
        return UniHelper.toUni(pool.preparedQuery("INSERT INTO log_group (tenant, name, retention_days, tags) "
                        + "SELECT $1, $2, $3, $4 WHERE (SELECT count(*) FROM log_group WHERE tenant = $1) < $5 "
                        + "ON CONFLICT (tenant, name) DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, name, retentionDays, new JsonObject(new HashMap<>(tags)), maxGroups)))
                .chain(rows -> Rows.first(rows, this::row).map(created -> Uni.createFrom().item(created))
                        .orElseGet(() -> find(tenant, name).map(existing -> {
                            if (existing.isPresent()) {
                                throw new AlreadyExistsException("logGroupName",
                                        "The specified log group already exists: " + name);
                            }
                            throw new LimitExceededException("logGroupName", "a tenant has at most " + maxGroups
                                    + " log groups (berth.logs.max-log-groups-per-tenant)");
                        })));
    }

    public Uni<Optional<LogGroup>> find(String tenant, String name) {
        return UniHelper.toUni(pool.preparedQuery("SELECT " + COLUMNS + " FROM log_group WHERE tenant = $1 AND name = $2")
                .execute(Tuple.of(tenant, name))).map(rows -> Rows.first(rows, this::row));
    }

    public Uni<LogGroup> require(String tenant, String name) {
        return find(tenant, name).map(found -> found.orElseThrow(() -> LogGroup.notFound(name)));
    }

    /** Groups whose name starts with {@code prefix}, in name order after {@code after}. */
    public Uni<List<LogGroup>> list(String tenant, String prefix, String after, int limit) {
        return UniHelper.toUni(pool.preparedQuery("SELECT " + COLUMNS + " FROM log_group WHERE tenant = $1 "
                        + "AND starts_with(name, $2) AND name > $3 ORDER BY name LIMIT $4")
                .execute(Tuple.of(tenant, prefix == null ? "" : prefix, after == null ? "" : after, limit)))
                .map(rows -> Rows.all(rows, this::row));
    }

    /** Stored bytes by group id, over the days retention still keeps. */
    public Uni<Map<Long, Long>> storedBytes(List<Long> groupIds) {
        return UniHelper.toUni(pool.preparedQuery("SELECT group_id, sum(bytes)::bigint AS bytes FROM log_bytes "
                        + "WHERE group_id = ANY($1) GROUP BY group_id")
                .execute(Tuple.of(groupIds.toArray(Long[]::new))))
                .map(rows -> {
                    Map<Long, Long> bytes = new HashMap<>();
                    rows.forEach(row -> bytes.put(row.getLong("group_id"), row.getLong("bytes")));
                    return bytes;
                });
    }

    /** A tenant's stored bytes and event count over all its groups. */
    public Uni<TenantUsage> usage(String tenant) {
        return UniHelper.toUni(pool.preparedQuery("SELECT coalesce(sum(b.bytes), 0)::bigint AS bytes, "
                        + "coalesce(sum(b.events), 0)::bigint AS events, (SELECT count(*) FROM log_group WHERE tenant = $1) AS groups "
                        + "FROM log_bytes b JOIN log_group g ON g.id = b.group_id WHERE g.tenant = $1")
                .execute(Tuple.of(tenant)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new TenantUsage(row.getLong("bytes"), row.getLong("events"), row.getLong("groups"));
                });
    }

    /**
     * DeleteLogGroup: the group, its streams, byte counts and metric filters go at once; its
     * events are queued for removal in the background.
     */
    public Uni<Boolean> delete(String tenant, String name) {
        return UniHelper.toUni(pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM log_group "
                        + "WHERE tenant = $1 AND name = $2 RETURNING id").execute(Tuple.of(tenant, name))
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture(false)
                        : tx.preparedQuery("INSERT INTO log_purge (group_id) VALUES ($1)")
                                .execute(Tuple.of(rows.iterator().next().getLong("id"))).map(true))));
    }

    /**
     * PutRetentionPolicy / DeleteRetentionPolicy. Readers apply the new retention at once; the
     * group's stored events move to the new retention class's partitions in the background
     * ({@code RetentionJob}), so this call stays short however many events the group holds.
     */
    public Uni<LogGroup> putRetention(String tenant, String name, Integer retentionDays) {
        return UniHelper.toUni(pool.preparedQuery("UPDATE log_group SET retention_days = $3 "
                        + "WHERE tenant = $1 AND name = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, name, retentionDays)))
                .map(rows -> Rows.first(rows, this::row).orElseThrow(() -> LogGroup.notFound(name)));
    }

    public Uni<LogGroup> tag(String tenant, String name, Map<String, String> tags, List<String> untag) {
        return UniHelper.toUni(pool.preparedQuery("UPDATE log_group SET tags = (tags || $3) - $4::text[] "
                        + "WHERE tenant = $1 AND name = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, name, new JsonObject(new HashMap<>(tags)), untag.toArray(String[]::new))))
                .map(rows -> Rows.first(rows, this::row).orElseThrow(() -> LogGroup.notFound(name)));
    }

    private LogGroup row(Row row) {
        Map<String, String> tags = json.convertValue(row.getJsonObject("tags").getMap(), TAGS);
        return new LogGroup(row.getLong("id"), row.getString("tenant"), row.getString("name"),
                row.getInteger("retention_days"), tags,
                row.getOffsetDateTime("created_at").toInstant());
    }
}
