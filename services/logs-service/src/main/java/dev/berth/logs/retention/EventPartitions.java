package dev.berth.logs.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The partitions of {@code log_event}: one per retention class ({@code log_event_r7}), each split
 * into UTC days ({@code log_event_r7_d20261124}). Created on demand before events of a new day
 * arrive, dropped whole when their class's retention has passed.
 */
@ApplicationScoped
public class EventPartitions {

    static final long DAY_MILLIS = 86_400_000L;
    private static final DateTimeFormatter DAY_NAME = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DAY_TABLE = Pattern.compile("log_event_r(\\d+)_d(\\d{8})");
    /** One lock for every partition DDL, so replicas creating the same day do not race. */
    private static final long DDL_LOCK = 0x6c6f6773L;

    /** A day partition of a retention class. */
    public record Key(int retentionClass, LocalDate day) {
        public static Key of(int retentionClass, long timestampMillis) {
            return new Key(retentionClass, LocalDate.ofEpochDay(Math.floorDiv(timestampMillis, DAY_MILLIS)));
        }

        String classTable() {
            return "log_event_r" + retentionClass;
        }

        String dayTable() {
            return classTable() + "_d" + day.format(DAY_NAME);
        }

        long fromMillis() {
            return day.toEpochDay() * DAY_MILLIS;
        }
    }

    private final Set<Key> known = ConcurrentHashMap.newKeySet();

    @Inject
    Pool pool;

    /** Makes sure every partition in {@code keys} exists; those already seen cost nothing. */
    public Uni<Void> ensure(Collection<Key> keys) {
        List<Key> missing = keys.stream().distinct().filter(k -> !known.contains(k)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> create(tx, missing)).invoke(() -> known.addAll(missing));
    }

    private Uni<Void> create(SqlClient tx, List<Key> keys) {
        // "already exists, skipping" is the normal case for a replica that did not create it
        Uni<?> chain = tx.query("SET LOCAL client_min_messages = warning").execute()
                .chain(x -> tx.query("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")").execute());
        for (Key key : keys) {
            chain = chain
                    .chain(x -> tx.query("CREATE TABLE IF NOT EXISTS " + key.classTable() + " PARTITION OF log_event "
                            + "FOR VALUES IN (" + key.retentionClass() + ") PARTITION BY RANGE (ts)").execute())
                    .chain(x -> tx.query("CREATE TABLE IF NOT EXISTS " + key.dayTable() + " PARTITION OF "
                            + key.classTable() + " FOR VALUES FROM (" + key.fromMillis() + ") TO ("
                            + (key.fromMillis() + DAY_MILLIS) + ")").execute());
        }
        return chain.replaceWithVoid();
    }

    /** The day partitions that exist, from the catalog. */
    public Uni<List<Key>> existing() {
        return pool.query("SELECT c.relname AS name FROM pg_inherits i "
                + "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND p.relname LIKE 'log\\_event\\_r%' AND c.relname LIKE '%\\_d%'")
                .execute().map(rows -> {
                    List<Key> keys = new ArrayList<>();
                    rows.forEach(row -> parse(row.getString("name")).ifPresent(keys::add));
                    return keys;
                });
    }

    /**
     * Detaches and drops one day partition and forgets its byte counts. DETACH … CONCURRENTLY
     * keeps readers and writers of the other partitions running meanwhile.
     */
    public Uni<Void> drop(Key key) {
        known.remove(key);
        return pool.query("ALTER TABLE " + key.classTable() + " DETACH PARTITION " + key.dayTable()
                        + " CONCURRENTLY").execute()
                .chain(x -> pool.query("DROP TABLE " + key.dayTable()).execute())
                .chain(x -> pool.preparedQuery("DELETE FROM log_bytes WHERE retention_days = $1 AND day = $2")
                        .execute(Tuple.of(key.retentionClass(), key.day())))
                .replaceWithVoid();
    }

    static Optional<Key> parse(String table) {
        var matcher = DAY_TABLE.matcher(table);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Key(Integer.parseInt(matcher.group(1)),
                LocalDate.parse(matcher.group(2), DAY_NAME)));
    }

    static LocalDate dayOf(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
