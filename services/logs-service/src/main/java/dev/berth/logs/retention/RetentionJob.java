package dev.berth.logs.retention;

import dev.berth.logs.LogsConfig;
import io.quarkus.scheduler.Scheduled;
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
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The housekeeping of stored events, every few minutes: moves events of groups whose retention
 * changed to their new class, drops day partitions whose retention has passed, creates today's
 * and tomorrow's partitions ahead of the events, removes the events of
 * deleted groups and streams in chunks, and forgets message ids older than Kafka keeps messages.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    Pool pool;

    @Inject
    EventPartitions partitions;

    @Inject
    RetentionMoves moves;

    @Inject
    LogsConfig config;

    @Scheduled(every = "${berth.logs.housekeeping-every:5m}", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warnf("log housekeeping failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    public Uni<Void> run() {
        long now = System.currentTimeMillis();
        return moves.run(System.nanoTime() + config.housekeeping().moveTime().toNanos())
                .chain(() -> dropExpired(now)).chain(() -> createAhead(now)).chain(this::purge)
                .chain(this::forgetOldMessageIds);
    }

    /**
     * Drops the day partitions every event of which is past its class's retention, except those
     * still holding events of a group whose retention changed (they move first).
     */
    public Uni<Void> dropExpired(long now) {
        return moves.sources().chain(waiting -> partitions.existing().chain(keys -> {
            List<EventPartitions.Key> expired = keys.stream()
                    .filter(k -> expired(k, now) && !waiting.contains(k)).toList();
            return Multi.createFrom().iterable(expired)
                    .onItem().transformToUniAndConcatenate(key -> partitions.drop(key)
                            .invoke(() -> LOG.infof("dropped expired log partition %s", key)))
                    .collect().last().replaceWithVoid();
        }));
    }

    static boolean expired(EventPartitions.Key key, long now) {
        long dayEnd = (key.day().toEpochDay() + 1) * EventPartitions.DAY_MILLIS;
        return key.retentionClass() > 0 && dayEnd <= now - key.retentionClass() * EventPartitions.DAY_MILLIS;
    }

    private Uni<Void> createAhead(long now) {
        return pool.query("SELECT DISTINCT coalesce(retention_days, 0) AS c FROM log_group").execute()
                .chain(rows -> {
                    LocalDate today = EventPartitions.dayOf(now);
                    List<EventPartitions.Key> keys = new ArrayList<>();
                    for (Row row : rows) {
                        for (int ahead = 0; ahead <= config.housekeeping().partitionDaysAhead(); ahead++) {
                            keys.add(new EventPartitions.Key(row.getInteger("c"), today.plusDays(ahead)));
                        }
                    }
                    return partitions.ensure(keys);
                });
    }

    /** Removes the events of deleted groups and streams, oldest deletion first, for at most a minute a run. */
    private Uni<Void> purge() {
        return pool.query("SELECT id, group_id, stream_id FROM log_purge ORDER BY id LIMIT 20").execute()
                .chain(rows -> {
                    List<Row> queued = new ArrayList<>();
                    rows.forEach(queued::add);
                    long deadline = System.nanoTime() + config.housekeeping().purgeTime().toNanos();
                    return Multi.createFrom().iterable(queued)
                            .onItem().transformToUniAndConcatenate(entry -> purgeEntry(entry, deadline))
                            .collect().last().replaceWithVoid();
                });
    }

    /** Removes chunks of one entry's events until none is left (the entry then leaves the queue) or time is up. */
    private Uni<Void> purgeEntry(Row entry, long deadline) {
        return purgeChunk(entry).chain(more -> more && System.nanoTime() < deadline
                ? purgeEntry(entry, deadline) : Uni.createFrom().voidItem());
    }

    /** One chunk; true when it removed events, so there may be more. */
    private Uni<Boolean> purgeChunk(Row entry) {
        long id = entry.getLong("id");
        long group = entry.getLong("group_id");
        Long stream = entry.getLong("stream_id");
        String match = stream == null ? "group_id = $1" : "group_id = $1 AND stream_id = $2";
        int chunk = config.housekeeping().purgeChunkEvents();
        Tuple params = stream == null ? Tuple.of(group, chunk) : Tuple.of(group, stream, chunk);
        String limit = stream == null ? "$2" : "$3";
        // a deleted stream's group lives on: its byte counts shrink by what goes
        return pool.withTransaction(tx -> tx.preparedQuery("WITH gone AS (DELETE FROM log_event "
                        + "WHERE (group_id, stream_id, ts, seq) IN (SELECT group_id, stream_id, ts, seq FROM log_event "
                        + "WHERE " + match + " LIMIT " + limit + ") RETURNING group_id, retention_days, ts, message), "
                        + "counted AS (SELECT group_id, retention_days, to_timestamp(ts / 1000)::date AS day, "
                        + "sum(octet_length(message) + 26) AS bytes, count(*) AS events FROM gone "
                        + "GROUP BY group_id, retention_days, day), "
                        + "shrunk AS (UPDATE log_bytes b SET bytes = b.bytes - c.bytes, events = b.events - c.events "
                        + "FROM counted c WHERE b.group_id = c.group_id AND b.retention_days = c.retention_days "
                        + "AND b.day = c.day) "
                        + "SELECT coalesce(sum(events), 0)::bigint AS n FROM counted").execute(params)
                .chain(rows -> rows.iterator().next().getLong("n") > 0 ? Uni.createFrom().item(true)
                        : tx.preparedQuery("DELETE FROM log_purge WHERE id = $1").execute(Tuple.of(id)).replaceWith(false)));
    }

    private Uni<Void> forgetOldMessageIds() {
        return pool.preparedQuery("DELETE FROM processed_message "
                        + "WHERE processed_at < now() - $1::bigint * interval '1 second'")
                .execute(Tuple.of(config.housekeeping().processedMessageRetention().toSeconds())).replaceWithVoid();
    }
}
