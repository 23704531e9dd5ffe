package dev.berth.logs.events;

import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reads events by (timestamp, seq): a stream's through the stream+time index, a group's through
 * the group+time index. Time bounds prune the day partitions.
 */
@ApplicationScoped
public class EventStore {

    private static final String COLUMNS = "stream_id, ts, seq, ingested_at, message";

    @Inject
    Pool pool;

    /**
     * Up to {@code limit} events of a stream in [from, to), after {@code after} going forward, or
     * before {@code before} going backward (then newest first).
     */
    public Uni<List<StoredEvent>> stream(long streamId, long from, long to, Position bound, boolean forward, int limit) {
        String sql = forward
                ? "SELECT " + COLUMNS + " FROM log_event WHERE stream_id = $1 AND ts >= $2 AND ts < $3 "
                        + "AND (ts, seq) > ($4, $5) ORDER BY ts, seq LIMIT $6"
                : "SELECT " + COLUMNS + " FROM log_event WHERE stream_id = $1 AND ts >= $2 AND ts < $3 "
                        + "AND (ts, seq) < ($4, $5) ORDER BY ts DESC, seq DESC LIMIT $6";
        return UniHelper.toUni(pool.preparedQuery(sql)
                        .execute(Tuple.of(streamId, from, to, bound.timestamp(), bound.seq(), limit)))
                .map(rows -> Rows.all(rows, EventStore::row));
    }

    /**
     * The next {@code limit} events of a group in [from, to) after {@code after}, of the given
     * streams (all when empty), holding every one of {@code literals}.
     */
    public Uni<List<StoredEvent>> group(long groupId, List<Long> streamIds, long from, long to, Position after,
                                        List<String> literals, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM log_event WHERE group_id = $1 "
                + "AND ts >= $2 AND ts < $3 AND (ts, seq) > ($4, $5) AND (cardinality($6::bigint[]) = 0 OR stream_id = ANY($6))");
        Tuple params = Tuple.of(groupId, from, to, after.timestamp(), after.seq(), streamIds.toArray(Long[]::new));
        for (String literal : literals) {
            params.addString("%" + likeEscaped(literal) + "%");
            sql.append(" AND message LIKE $").append(params.size());
        }
        params.addInteger(limit);
        sql.append(" ORDER BY ts, seq LIMIT $").append(params.size());
        return UniHelper.toUni(pool.preparedQuery(sql.toString()).execute(params))
                .map(rows -> Rows.all(rows, EventStore::row));
    }

    static String likeEscaped(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static StoredEvent row(Row row) {
        return new StoredEvent(row.getLong("stream_id"), row.getLong("ts"), row.getLong("seq"),
                row.getLong("ingested_at"), row.getString("message"));
    }
}
