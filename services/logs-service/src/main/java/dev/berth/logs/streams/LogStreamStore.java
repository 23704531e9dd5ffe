package dev.berth.logs.streams;

import dev.berth.common.db.Rows;
import dev.berth.logs.requests.AlreadyExistsException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Log streams of a group; the group has been resolved under the caller's tenant before any call here. */
@ApplicationScoped
public class LogStreamStore {

    private static final String COLUMNS = "id, group_id, name, created_at, first_event_at, last_event_at, last_ingested_at";

    /** DescribeLogStreams' orders. */
    public enum Order { LogStreamName, LastEventTime }

    @Inject
    Pool pool;

    public Uni<LogStream> create(String tenant, long groupId, String name) {
        return UniHelper.toUni(pool.preparedQuery("INSERT INTO log_stream (tenant, group_id, name) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (group_id, name) DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(tenant, groupId, name)))
                .map(rows -> Rows.first(rows, LogStreamStore::row).orElseThrow(() -> new AlreadyExistsException(
                        "logStreamName", "The specified log stream already exists: " + name)));
    }

    public Uni<Optional<LogStream>> find(long groupId, String name) {
        return UniHelper.toUni(pool.preparedQuery("SELECT " + COLUMNS + " FROM log_stream WHERE group_id = $1 AND name = $2")
                .execute(Tuple.of(groupId, name))).map(rows -> Rows.first(rows, LogStreamStore::row));
    }

    public Uni<LogStream> require(long groupId, String name) {
        return find(groupId, name).map(found -> found.orElseThrow(() -> LogStream.notFound(name)));
    }

    /** Streams named with {@code prefix} by name after {@code after}, or all by last event time, newest first. */
    public Uni<List<LogStream>> list(long groupId, String prefix, Order order, String after, int limit) {
        String sql = order == Order.LogStreamName
                ? "SELECT " + COLUMNS + " FROM log_stream WHERE group_id = $1 AND starts_with(name, $2) AND name > $3 "
                        + "ORDER BY name LIMIT $4"
                : "SELECT " + COLUMNS + " FROM log_stream WHERE group_id = $1 AND starts_with(name, $2) "
                        + "AND (coalesce(last_event_at, 0), id) < ($3::bigint, $4::bigint) "
                        + "ORDER BY coalesce(last_event_at, 0) DESC, id DESC LIMIT $5";
        Tuple params;
        if (order == Order.LogStreamName) {
            params = Tuple.of(groupId, prefix == null ? "" : prefix, after == null ? "" : after, limit);
        } else {
            String[] position = after == null ? new String[] {String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MAX_VALUE)}
                    : after.split("/", 2);
            params = Tuple.of(groupId, prefix == null ? "" : prefix, Long.parseLong(position[0]),
                    Long.parseLong(position[1]), limit);
        }
        return UniHelper.toUni(pool.preparedQuery(sql).execute(params)).map(rows -> Rows.all(rows, LogStreamStore::row));
    }

    /** Ids of the streams named, or whose names start with {@code prefix}, of one group. */
    public Uni<List<Long>> ids(long groupId, List<String> names, String prefix) {
        return UniHelper.toUni(pool.preparedQuery("SELECT id FROM log_stream WHERE group_id = $1 "
                        + "AND (cardinality($2::text[]) = 0 OR name = ANY($2)) AND starts_with(name, $3)")
                .execute(Tuple.of(groupId, names.toArray(String[]::new), prefix == null ? "" : prefix)))
                .map(rows -> Rows.all(rows, row -> row.getLong("id")));
    }

    /** Stream names by id. */
    public Uni<Map<Long, String>> names(Collection<Long> ids) {
        return UniHelper.toUni(pool.preparedQuery("SELECT id, name FROM log_stream WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))))
                .map(rows -> {
                    Map<Long, String> names = new HashMap<>();
                    rows.forEach(row -> names.put(row.getLong("id"), row.getString("name")));
                    return names;
                });
    }

    /** DeleteLogStream: gone at once, its events queued for removal. */
    public Uni<Boolean> delete(long groupId, String name) {
        return UniHelper.toUni(pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM log_stream "
                        + "WHERE group_id = $1 AND name = $2 RETURNING id").execute(Tuple.of(groupId, name))
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture(false)
                        : tx.preparedQuery("INSERT INTO log_purge (group_id, stream_id) VALUES ($1, $2)")
                                .execute(Tuple.of(groupId, rows.iterator().next().getLong("id"))).map(true))));
    }

    static LogStream row(Row row) {
        return new LogStream(row.getLong("id"), row.getLong("group_id"), row.getString("name"),
                row.getOffsetDateTime("created_at").toInstant(), row.getLong("first_event_at"),
                row.getLong("last_event_at"), row.getLong("last_ingested_at"));
    }
}
