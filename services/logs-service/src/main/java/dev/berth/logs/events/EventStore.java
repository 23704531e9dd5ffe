package dev.berth.logs.events;

import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
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

    /** One slice of a group scan: the rows holding the literals, where the slice ended, and how many rows it read. */
    public record Slice(List<StoredEvent> candidates, Position last, int scanned) {
    }

    /**
     * Reads the next {@code rows} events of a group in [from, to) after {@code after} (of the given
     * streams, all when empty) and returns those holding every one of {@code literals}. Bounding the
     * rows read, not the rows found, keeps one statement short however rare the literals are. The
     * row bound starts at {@code from} so the index scan starts at the window, not at the day.
     * Candidates stop once their messages pass {@code maxBytes} (5,000 events of 256 KiB would not fit
     * in memory); the slice then ends at the last candidate returned, so the next one reads on from there.
     */
    public Uni<Slice> groupSlice(long groupId, List<Long> streamIds, long from, long to, Position after,
                                 List<String> literals, int rows, long maxBytes) {
        Position start = after.atLeast(new Position(from, Long.MIN_VALUE));
        Tuple params = Tuple.of(groupId, from, to, start.timestamp(), start.seq(), streamIds.toArray(Long[]::new));
        params.addInteger(rows);
        StringBuilder holds = new StringBuilder("true");
        for (String literal : literals) {
            params.addString("%" + likeEscaped(literal) + "%");
            holds.append(" AND message LIKE $").append(params.size());
        }
        params.addLong(maxBytes);
        String sql = "WITH scanned AS (SELECT " + COLUMNS + " FROM log_event WHERE group_id = $1 AND ts >= $2 "
                + "AND ts < $3 AND (ts, seq) > ($4, $5) AND (cardinality($6::bigint[]) = 0 OR stream_id = ANY($6)) "
                + "ORDER BY ts, seq LIMIT $7), "
                + "held AS (SELECT " + COLUMNS + ", sum(octet_length(message)) OVER (ORDER BY ts, seq) AS upto "
                + "FROM scanned WHERE " + holds + ") "
                + "SELECT " + COLUMNS + ", 0 AS scanned, 0 AS held FROM held "
                + "WHERE upto - octet_length(message) < $" + params.size() + " "
                + "UNION ALL (SELECT stream_id, ts, seq, ingested_at, NULL, (SELECT count(*) FROM scanned), "
                + "(SELECT count(*) FROM held) FROM scanned ORDER BY ts DESC, seq DESC LIMIT 1) ORDER BY scanned, ts, seq";
        return UniHelper.toUni(pool.preparedQuery(sql).execute(params)).map(found -> {
            List<StoredEvent> candidates = new ArrayList<>();
            Position last = after;
            int scanned = 0;
            long held = 0;
            for (Row row : found) {
                long count = row.getLong("scanned");
                if (count > 0) {
                    last = new Position(row.getLong("ts"), row.getLong("seq"));
                    scanned = (int) count;
                    held = row.getLong("held");
                } else {
                    candidates.add(row(row));
                }
            }
            if (candidates.size() < held) {
                // cut short by size: read on after the last candidate, as after a full slice
                return new Slice(candidates, candidates.get(candidates.size() - 1).position(), rows);
            }
            return new Slice(candidates, last, scanned);
        });
    }

    static String likeEscaped(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static StoredEvent row(Row row) {
        return new StoredEvent(row.getLong("stream_id"), row.getLong("ts"), row.getLong("seq"),
                row.getLong("ingested_at"), row.getString("message"));
    }
}
