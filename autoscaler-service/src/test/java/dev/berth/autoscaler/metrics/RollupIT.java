package dev.berth.autoscaler.metrics;

import static dev.berth.autoscaler.metrics.MetricsTestClient.datum;
import static dev.berth.autoscaler.metrics.MetricsTestClient.newNamespace;
import static dev.berth.autoscaler.metrics.MetricsTestClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rollup job's 5-minute and 1-hour sets are the combination of the finer ones; retention deletes old rows. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class RollupIT {

    @Inject
    MetricsHousekeeping housekeeping;

    @Inject
    Pool pool;

    private record Row5(Instant ts, SampleSet set) {
    }

    private List<Row5> rows(String table, long metricId) {
        List<Row5> rows = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT ts, sample_count, sum, minimum, maximum FROM " + table
                + " WHERE metric_id = $1 ORDER BY ts").execute(Tuple.of(metricId)).await().indefinitely()) {
            rows.add(new Row5(row.getOffsetDateTime("ts").toInstant(), new SampleSet(row.getDouble("sample_count"),
                    row.getDouble("sum"), row.getDouble("minimum"), row.getDouble("maximum"))));
        }
        return rows;
    }

    private long metricId(String namespace, String name) {
        return pool.preparedQuery("SELECT id FROM metric WHERE tenant = 'acme' AND namespace = $1 AND name = $2")
                .execute(Tuple.of(namespace, name)).await().indefinitely().iterator().next().getLong("id");
    }

    private void rollUpEverything() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        housekeeping.rollUp(StorageLevel.MINUTE, deadline).await().indefinitely();
        housekeeping.rollUp(StorageLevel.FIVE_MINUTES, deadline).await().indefinitely();
    }

    /** The finer rows combined per bucket of {@code seconds}. */
    private static Map<Instant, SampleSet> combined(List<Row5> finer, int seconds) {
        Map<Instant, SampleSet> buckets = new TreeMap<>();
        for (Row5 r : finer) {
            Instant bucket = Instant.ofEpochSecond(Math.floorDiv(r.ts().getEpochSecond(), seconds) * seconds);
            buckets.merge(bucket, r.set(), SampleSet::combine);
        }
        return buckets;
    }

    private static Map<Instant, SampleSet> asMap(List<Row5> rows) {
        Map<Instant, SampleSet> map = new TreeMap<>();
        rows.forEach(r -> map.put(r.ts(), r.set()));
        return map;
    }

    @Test
    void rollupsCombineTheFinerSetsAndFollowLateData() {
        String namespace = newNamespace();
        Instant hour = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> data = new ArrayList<>();
        // minutes across several 5-minute buckets and two hours, some with several samples
        int[] minutes = {0, 1, 4, 5, 9, 10, 59, 60, 61, 75};
        for (int i = 0; i < minutes.length; i++) {
            Instant at = hour.plus(Duration.ofMinutes(minutes[i])).plusSeconds(7);
            data.add(datum("Work", List.of(), at, Map.of("Value", i * 1.5 - 3)));
            data.add(datum("Work", List.of(), at.plusSeconds(20), Map.of("StatisticValues",
                    Map.of("SampleCount", 3, "Sum", 9 + i, "Minimum", -i, "Maximum", 10 + i))));
        }
        put("acme-deployer", namespace, data);
        long id = metricId(namespace, "Work");
        rollUpEverything();

        List<Row5> minute = rows("datapoint_1m", id);
        assertEquals(minutes.length, minute.size());
        Map<Instant, SampleSet> fiveMinutes = asMap(rows("datapoint_5m", id));
        assertEquals(combined(minute, 300), fiveMinutes);
        assertEquals(6, fiveMinutes.size(), "buckets :00 :05 :10 :55 1:00 1:15");
        Map<Instant, SampleSet> hours = asMap(rows("datapoint_1h", id));
        assertEquals(combined(rows("datapoint_5m", id), 3600), hours);
        assertEquals(2, hours.size());
        SampleSet all = minute.stream().map(Row5::set).reduce(SampleSet::combine).orElseThrow();
        assertEquals(all, hours.values().stream().reduce(SampleSet::combine).orElseThrow());

        // a late data point changes its minute; the next rollup recomputes its 5-minute and hour sets
        put("acme-deployer", namespace, List.of(datum("Work", List.of(), hour.plus(Duration.ofMinutes(6)),
                Map.of("Value", 1000))));
        rollUpEverything();
        List<Row5> minuteAfter = rows("datapoint_1m", id);
        assertEquals(combined(minuteAfter, 300), asMap(rows("datapoint_5m", id)));
        assertEquals(combined(rows("datapoint_5m", id), 3600), asMap(rows("datapoint_1h", id)));
        assertEquals(1000.0, asMap(rows("datapoint_1h", id)).get(hour).maximum());
    }

    @Test
    void retentionDeletesWhatIsPastItsLevelsRetention() {
        String namespace = newNamespace();
        put("acme-deployer", namespace, List.of(datum("Kept", List.of(), Instant.now().minusSeconds(60),
                Map.of("Value", 1))));
        long id = metricId(namespace, "Kept");
        Instant now = Instant.now();
        insert("datapoint_1s", id, now.minus(Duration.ofHours(4)), null);
        insert("datapoint_1s", id, now.minus(Duration.ofHours(2)), null);
        insert("datapoint_1m", id, now.minus(Duration.ofDays(16)), true);
        insert("datapoint_1m", id, now.minus(Duration.ofDays(16)).plusSeconds(60), false);
        insert("datapoint_1m", id, now.minus(Duration.ofDays(14)), true);
        insert("datapoint_5m", id, now.minus(Duration.ofDays(64)), true);
        insert("datapoint_5m", id, now.minus(Duration.ofDays(62)), true);
        insert("datapoint_1h", id, now.minus(Duration.ofDays(456)), null);
        insert("datapoint_1h", id, now.minus(Duration.ofDays(454)), null);

        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (StorageLevel level : StorageLevel.values()) {
            housekeeping.expire(level, deadline).await().indefinitely();
        }
        assertEquals(1, countOlderThan("datapoint_1s", id, Duration.ofMinutes(90)));
        assertEquals(0, countOlderThan("datapoint_1s", id, Duration.ofHours(3)));
        assertEquals(1, countOlderThan("datapoint_1m", id, Duration.ofDays(15)),
                "a minute not rolled up yet is kept until it is");
        assertEquals(2, countOlderThan("datapoint_1m", id, Duration.ofDays(1)));
        assertEquals(0, countOlderThan("datapoint_5m", id, Duration.ofDays(63)));
        assertEquals(1, countOlderThan("datapoint_5m", id, Duration.ofDays(60)));
        assertEquals(0, countOlderThan("datapoint_1h", id, Duration.ofDays(455)));
        assertEquals(1, countOlderThan("datapoint_1h", id, Duration.ofDays(400)));
        assertTrue(countOlderThan("datapoint_1m", id, Duration.ZERO) >= 3, "young data stays");
    }

    private void insert(String table, long id, Instant ts, Boolean rolled) {
        String columns = rolled == null ? "" : ", rolled";
        String value = rolled == null ? "" : ", " + rolled;
        pool.preparedQuery("INSERT INTO " + table + " (metric_id, ts, unit, sample_count, sum, minimum, maximum"
                + columns + ") VALUES ($1, $2, 0, 1, 1, 1, 1" + value + ")")
                .execute(Tuple.of(id, ts.atOffset(java.time.ZoneOffset.UTC))).await().indefinitely();
    }

    private long countOlderThan(String table, long id, Duration age) {
        return pool.preparedQuery("SELECT count(*) AS n FROM " + table + " WHERE metric_id = $1 AND ts < now() - $2::bigint "
                        + "* interval '1 second'").execute(Tuple.of(id, age.toSeconds())).await().indefinitely()
                .iterator().next().getLong("n");
    }
}
