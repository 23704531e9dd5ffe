package dev.berth.logs.retention;

import dev.berth.logs.LogsConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves the events of groups whose retention changed to the partitions of their new retention
 * class, a chunk at a time with their byte counts, so that the new class's expiry drops them.
 * Which (group, class, day) still hold events of a former class comes from {@code log_bytes}.
 */
@ApplicationScoped
public class RetentionMoves {

    /** Events of a group stored under a class it no longer has, on one day. */
    record Pending(long groupId, int fromClass, int toClass, LocalDate day) {
        EventPartitions.Key source() {
            return new EventPartitions.Key(fromClass, day);
        }
    }

    @Inject
    Pool pool;

    @Inject
    EventPartitions partitions;

    @Inject
    LogsConfig config;

    private static final String PENDING = "SELECT b.group_id, b.retention_days AS from_class, "
            + "coalesce(g.retention_days, 0) AS to_class, b.day FROM log_bytes b JOIN log_group g ON g.id = b.group_id "
            + "WHERE b.retention_days <> coalesce(g.retention_days, 0)";

    /** The day partitions that still hold events waiting to move out: retention must not drop them yet. */
    public Uni<Set<EventPartitions.Key>> sources() {
        return pending(10_000).map(found -> found.stream().map(Pending::source).collect(Collectors.toSet()));
    }

    /** Moves what is pending until done or {@code deadline} (System.nanoTime) passes. */
    public Uni<Void> run(long deadline) {
        return pending(100).chain(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(p -> System.nanoTime() > deadline ? Uni.createFrom().voidItem()
                        : partitions.ensure(List.of(new EventPartitions.Key(p.toClass(), p.day())))
                                .chain(() -> move(p, deadline)))
                .collect().last().replaceWithVoid());
    }

    private Uni<List<Pending>> pending(int limit) {
        return pool.preparedQuery(PENDING + " ORDER BY b.group_id, b.day LIMIT $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<Pending> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new Pending(row.getLong("group_id"), row.getInteger("from_class"),
                                row.getInteger("to_class"), row.getLocalDate("day")));
                    }
                    return found;
                });
    }

    private Uni<Void> move(Pending p, long deadline) {
        return chunk(p).chain(moved -> moved && System.nanoTime() < deadline ? move(p, deadline)
                : Uni.createFrom().voidItem());
    }

    /** Moves one chunk in one transaction; false once the source holds none of the group's events (its count goes). */
    private Uni<Boolean> chunk(Pending p) {
        long from = p.day().toEpochDay() * EventPartitions.DAY_MILLIS;
        Tuple params = Tuple.of(p.groupId(), p.fromClass(), p.toClass(), from, from + EventPartitions.DAY_MILLIS,
                config.housekeeping().moveChunkEvents());
        return pool.withTransaction(tx -> tx.preparedQuery("WITH moved AS (DELETE FROM log_event "
                                + "WHERE (group_id, stream_id, ts, seq) IN (SELECT group_id, stream_id, ts, seq FROM log_event "
                                + "WHERE group_id = $1 AND retention_days = $2 AND ts >= $4 AND ts < $5 LIMIT $6) "
                                + "RETURNING ts, group_id, stream_id, seq, ingested_at, message), "
                                + "added AS (INSERT INTO log_event (retention_days, ts, group_id, stream_id, seq, ingested_at, "
                                + "message) SELECT $3, ts, group_id, stream_id, seq, ingested_at, message FROM moved "
                                + "RETURNING octet_length(message) + 26 AS bytes) "
                                + "SELECT count(*) AS events, coalesce(sum(bytes), 0)::bigint AS bytes FROM added")
                        .execute(params)
                        .chain(rows -> {
                            Row row = rows.iterator().next();
                            long events = row.getLong("events");
                            if (events == 0) {
                                return tx.preparedQuery("DELETE FROM log_bytes WHERE group_id = $1 AND retention_days = $2 "
                                                + "AND day = $3").execute(Tuple.of(p.groupId(), p.fromClass(), p.day()))
                                        .replaceWith(false);
                            }
                            long bytes = row.getLong("bytes");
                            return tx.preparedQuery("UPDATE log_bytes SET bytes = bytes - $4, events = events - $5 "
                                            + "WHERE group_id = $1 AND retention_days = $2 AND day = $3")
                                    .execute(Tuple.of(p.groupId(), p.fromClass(), p.day(), bytes, events))
                                    .chain(x -> tx.preparedQuery("INSERT INTO log_bytes (group_id, retention_days, day, "
                                                    + "bytes, events) VALUES ($1, $2, $3, $4, $5) "
                                                    + "ON CONFLICT (group_id, retention_days, day) DO UPDATE "
                                                    + "SET bytes = log_bytes.bytes + excluded.bytes, "
                                                    + "events = log_bytes.events + excluded.events")
                                            .execute(Tuple.of(p.groupId(), p.toClass(), p.day(), bytes, events)))
                                    .replaceWith(true);
                        }));
    }
}
