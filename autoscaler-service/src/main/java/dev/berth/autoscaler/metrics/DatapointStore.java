package dev.berth.autoscaler.metrics;

import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/**
 * Statistic sets per resolution in PostgreSQL: written a batch at a time with one multi-row upsert
 * per table (arrays through {@code unnest}), read back combined per period, rolled up into coarser
 * tables and deleted past retention in bounded batches.
 */
@ApplicationScoped
public class DatapointStore {

    private static final Comparator<LevelRow> LOCK_ORDER = Comparator.comparingLong(LevelRow::metricId)
            .thenComparingLong(LevelRow::bucket).thenComparing(r -> r.unit().code());

    @Inject
    Pool pool;

    /** Adds the sets to the level's rows (combining with what is there) in one statement. */
    public Uni<Void> add(SqlClient tx, StorageLevel level, List<LevelRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one order for every writer, so that concurrent batches touching the same rows do not deadlock
        List<LevelRow> sorted = rows.stream().sorted(LOCK_ORDER).toList();
        int n = sorted.size();
        Long[] metricIds = new Long[n];
        Long[] buckets = new Long[n];
        Short[] units = new Short[n];
        Double[] counts = new Double[n];
        Double[] sums = new Double[n];
        Double[] minima = new Double[n];
        Double[] maxima = new Double[n];
        for (int i = 0; i < n; i++) {
            LevelRow row = sorted.get(i);
            metricIds[i] = row.metricId();
            buckets[i] = row.bucket();
            units[i] = row.unit().code();
            counts[i] = row.set().sampleCount();
            sums[i] = row.set().sum();
            minima[i] = row.set().minimum();
            maxima[i] = row.set().maximum();
        }
        String changed = rollsUp(level) ? ", rolled = false" : "";
        return tx.preparedQuery("INSERT INTO " + level.table() + " AS d (metric_id, ts, unit, sample_count, sum, "
                        + "minimum, maximum) SELECT u.m, to_timestamp(u.t), u.unit, u.n, u.s, u.lo, u.hi FROM "
                        + "unnest($1::bigint[], $2::bigint[], $3::smallint[], $4::float8[], $5::float8[], $6::float8[], "
                        + "$7::float8[]) AS u(m, t, unit, n, s, lo, hi) ON CONFLICT (metric_id, ts, unit) DO UPDATE SET "
                        + "sample_count = d.sample_count + excluded.sample_count, sum = d.sum + excluded.sum, "
                        + "minimum = least(d.minimum, excluded.minimum), maximum = greatest(d.maximum, excluded.maximum)"
                        + changed)
                .execute(Tuple.tuple().addArrayOfLong(metricIds).addArrayOfLong(buckets).addArrayOfShort(units)
                        .addArrayOfDouble(counts).addArrayOfDouble(sums).addArrayOfDouble(minima)
                        .addArrayOfDouble(maxima))
                .replaceWithVoid();
    }

    /** The window's periods with data, per unit (or of one unit), oldest first. */
    public Uni<List<PeriodSet>> periods(long metricId, PeriodWindow window, StandardUnit unit) {
        return pool.preparedQuery("SELECT (extract(epoch FROM ts)::bigint - $2::bigint) / $4::bigint AS idx, unit, "
                        + "sum(sample_count) AS n, sum(sum) AS s, min(minimum) AS lo, max(maximum) AS hi "
                        + "FROM " + window.level().table() + " WHERE metric_id = $1 AND ts >= to_timestamp($2::bigint) "
                        + "AND ts < to_timestamp($3::bigint) AND ($5::smallint IS NULL OR unit = $5::smallint) "
                        + "GROUP BY 1, 2 ORDER BY 1, 2")
                .execute(Tuple.tuple().addLong(metricId).addLong(window.start()).addLong(window.end())
                        .addLong((long) window.period()).addShort(unit == null ? null : unit.code()))
                .map(rows -> Rows.all(rows, DatapointStore::periodSet));
    }

    /**
     * Up to {@code limit} periods with data of every unit together (or of one unit), in the scan's order,
     * after the period {@code afterIndex} of that order (null: from the first).
     */
    public Uni<List<PeriodSet>> series(long metricId, PeriodWindow window, StandardUnit unit, boolean ascending,
                                       Long afterIndex, int limit) {
        long from = window.start();
        long to = window.end();
        if (afterIndex != null && ascending) {
            from = window.start() + (afterIndex + 1) * window.period();
        } else if (afterIndex != null) {
            to = Math.min(to, window.start() + afterIndex * window.period());
        }
        return pool.preparedQuery("SELECT (extract(epoch FROM ts)::bigint - $2::bigint) / $5::bigint AS idx, "
                        + "sum(sample_count) AS n, sum(sum) AS s, min(minimum) AS lo, max(maximum) AS hi "
                        + "FROM " + window.level().table() + " WHERE metric_id = $1 AND ts >= to_timestamp($3::bigint) "
                        + "AND ts < to_timestamp($4::bigint) AND ($6::smallint IS NULL OR unit = $6::smallint) "
                        + "GROUP BY 1 ORDER BY 1 " + (ascending ? "ASC" : "DESC") + " LIMIT $7")
                .execute(Tuple.tuple().addLong(metricId).addLong(window.start()).addLong(from).addLong(to)
                        .addLong((long) window.period()).addShort(unit == null ? null : unit.code())
                        .addInteger(limit))
                .map(rows -> Rows.all(rows, row -> new PeriodSet(row.getLong("idx"), unit, set(row))));
    }

    /**
     * Rolls up to {@code batch} rows of {@code finer} changed since their last rollup: each bucket of the
     * coarser level they fall in is computed again from all the finer rows in it (statistic sets combine
     * exactly), and the rows are marked rolled. Rows are taken oldest first and locked, so a concurrent
     * write to one of them waits and marks it changed again after. Answers how many rows it took.
     */
    public Uni<Integer> rollUp(StorageLevel finer, int batch) {
        StorageLevel coarser = finer.coarser();
        String width = "(" + coarser.seconds() + " * interval '1 second')";
        String changed = rollsUp(coarser) ? ", rolled = false" : "";
        return pool.withTransaction(tx -> tx.preparedQuery("WITH picked AS (SELECT metric_id, ts, unit FROM "
                        + finer.table() + " WHERE NOT rolled ORDER BY ts LIMIT $1 FOR UPDATE SKIP LOCKED), "
                        + "marked AS (UPDATE " + finer.table() + " d SET rolled = true FROM picked p "
                        + "WHERE d.metric_id = p.metric_id AND d.ts = p.ts AND d.unit = p.unit RETURNING 1), "
                        + "buckets AS (SELECT DISTINCT metric_id, unit, date_bin(" + width + ", ts, timestamptz 'epoch') AS b "
                        + "FROM picked), "
                        + "written AS (INSERT INTO " + coarser.table() + " AS c (metric_id, ts, unit, sample_count, sum, "
                        + "minimum, maximum) SELECT d.metric_id, b.b, d.unit, sum(d.sample_count), sum(d.sum), "
                        + "min(d.minimum), max(d.maximum) FROM buckets b JOIN " + finer.table() + " d "
                        + "ON d.metric_id = b.metric_id AND d.unit = b.unit AND d.ts >= b.b AND d.ts < b.b + " + width
                        + " GROUP BY d.metric_id, b.b, d.unit ON CONFLICT (metric_id, ts, unit) DO UPDATE SET "
                        + "sample_count = excluded.sample_count, sum = excluded.sum, minimum = excluded.minimum, "
                        + "maximum = excluded.maximum" + changed + " RETURNING 1) "
                        + "SELECT (SELECT count(*) FROM marked) AS picked, (SELECT count(*) FROM written) AS written")
                .execute(Tuple.of(batch))
                .map(rows -> rows.iterator().next().getLong("picked").intValue()));
    }

    /**
     * Deletes up to {@code batch} rows of the level older than its retention; rows not yet rolled up into
     * the coarser level are kept until they are. Answers how many it deleted.
     */
    public Uni<Integer> expire(StorageLevel level, int batch) {
        String rolled = rollsUp(level) ? " AND rolled" : "";
        return pool.preparedQuery("DELETE FROM " + level.table() + " WHERE (metric_id, ts, unit) IN ("
                        + "SELECT metric_id, ts, unit FROM " + level.table() + " WHERE ts < now() - $1::bigint * "
                        + "interval '1 second'" + rolled + " LIMIT $2)")
                .execute(Tuple.of(level.retention().toSeconds(), batch))
                .map(rows -> rows.rowCount());
    }

    /** Forgets Kafka message ids older than {@code seconds}. */
    public Uni<Integer> forgetMessageIds(long seconds, int batch) {
        return pool.preparedQuery("DELETE FROM processed_message WHERE message_id IN (SELECT message_id FROM "
                        + "processed_message WHERE processed_at < now() - $1::bigint * interval '1 second' LIMIT $2)")
                .execute(Tuple.of(seconds, batch))
                .map(rows -> rows.rowCount());
    }

    private static boolean rollsUp(StorageLevel level) {
        return level.coarser() != null;
    }

    private static PeriodSet periodSet(Row row) {
        return new PeriodSet(row.getLong("idx"), StandardUnit.ofCode(row.getShort("unit")), set(row));
    }

    private static SampleSet set(Row row) {
        return new SampleSet(row.getDouble("n"), row.getDouble("s"), row.getDouble("lo"), row.getDouble("hi"));
    }
}
