package dev.berth.logs.ingest;

import dev.berth.common.messaging.Topic;
import dev.berth.logs.LogsConfig;
import dev.berth.logs.events.EventTimeWindow;
import dev.berth.logs.events.InputEvent;
import dev.berth.logs.events.PutLogEventsLimits;
import dev.berth.logs.groups.ReservedGroups;
import dev.berth.logs.groups.RetentionDays;
import dev.berth.logs.groups.StoredBytes;
import dev.berth.logs.retention.EventPartitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Writes batches from berth.logs in one transaction: skips those already written (by message id,
 * in {@code processed_message}), creates groups and streams on first use, inserts every event
 * with one multi-row statement of arrays, and keeps byte counts and stream times. Partitions
 * for new days are created first, in their own transaction.
 */
@ApplicationScoped
public class EventWriter {

    private static final Logger LOG = Logger.getLogger(EventWriter.class);

    /** A group as a batch names it; sorted, so concurrent writers lock rows in one order. */
    private record GroupName(String tenant, String name) implements Comparable<GroupName> {
        static GroupName of(IncomingBatch batch) {
            return new GroupName(batch.tenant(), batch.logGroup());
        }

        @Override
        public int compareTo(GroupName other) {
            int byTenant = tenant.compareTo(other.tenant);
            return byTenant != 0 ? byTenant : name.compareTo(other.name);
        }
    }

    private record StreamName(long groupId, String name) implements Comparable<StreamName> {
        @Override
        public int compareTo(StreamName other) {
            int byGroup = Long.compare(groupId, other.groupId);
            return byGroup != 0 ? byGroup : name.compareTo(other.name);
        }
    }

    private record GroupRow(long id, Integer retentionDays) {
    }

    private record StreamTimes(long first, long last) {
        StreamTimes with(long ts) {
            return new StreamTimes(Math.min(first, ts), Math.max(last, ts));
        }
    }

    @Inject
    Pool pool;

    @Inject
    EventPartitions partitions;

    @Inject
    LogsConfig limits;

    @Inject
    IngestWarnings warnings;

    @Inject
    StoredBytes storedBytes;

    public Uni<List<StoredEvents>> write(List<IncomingBatch> batches) {
        if (batches.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        long now = System.currentTimeMillis();
        return storedBytes.of(batches.stream().map(IncomingBatch::tenant).toList())
                .chain(stored -> pool.withTransaction(tx -> fresh(tx, batches)
                        .map(fresh -> withinQuota(fresh, stored))
                        .chain(kept -> kept.isEmpty() ? Uni.createFrom().item(List.<StoredEvents>of())
                                : groups(tx, kept).chain(groups -> {
                                    List<IncomingBatch> placed = withGroups(kept, groups);
                                    return placed.isEmpty() ? Uni.createFrom().item(List.<StoredEvents>of())
                                            : streams(tx, placed, groups)
                                                    .chain(streams -> insert(tx, placed, groups, streams, now));
                                }))));
    }

    /**
     * The batches that keep their tenant within its storage quota, in order; the others are dropped with
     * a warning. The audit trail is never dropped: filling the quota must not switch it off.
     */
    private List<IncomingBatch> withinQuota(List<IncomingBatch> batches, Map<String, Long> storedBefore) {
        Map<String, Long> stored = new HashMap<>(storedBefore);
        List<IncomingBatch> kept = new ArrayList<>(batches.size());
        for (IncomingBatch batch : batches) {
            long bytes = batch.events().stream().mapToLong(e -> PutLogEventsLimits.eventBytes(e.message())).sum();
            long after = stored.getOrDefault(batch.tenant(), 0L) + bytes;
            if (after > limits.tenantQuotaBytes() && !AuditTrail.wrote(batch)) {
                warnings.refused(batch, "quota", "the tenant's log storage quota of " + limits.tenantQuotaBytes()
                        + " bytes (berth.logs.tenant-quota-bytes) is used up");
                continue;
            }
            stored.put(batch.tenant(), after);
            kept.add(batch);
        }
        return kept;
    }

    /** The batches whose group exists; the others would have made their tenant go over its number of groups. */
    private List<IncomingBatch> withGroups(List<IncomingBatch> batches, Map<GroupName, GroupRow> groups) {
        List<IncomingBatch> placed = new ArrayList<>(batches.size());
        for (IncomingBatch batch : batches) {
            if (groups.containsKey(GroupName.of(batch))) {
                placed.add(batch);
            } else {
                warnings.refused(batch, "group-limit", "the tenant has " + limits.maxLogGroupsPerTenant()
                        + " log groups already (berth.logs.max-log-groups-per-tenant)");
            }
        }
        return placed;
    }

    /** The batches not written before, each once. */
    private Uni<List<IncomingBatch>> fresh(SqlClient tx, List<IncomingBatch> batches) {
        String[] ids = batches.stream().map(IncomingBatch::id).toArray(String[]::new);
        String[] tenants = batches.stream().map(IncomingBatch::tenant).toArray(String[]::new);
        String[] topics = new String[ids.length];
        Arrays.fill(topics, Topic.LOGS.topicName());
        return tx.preparedQuery("INSERT INTO processed_message (message_id, topic, tenant) "
                        + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING RETURNING message_id")
                .execute(Tuple.of(ids, topics, tenants))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getString(0)));
                    List<IncomingBatch> fresh = new ArrayList<>();
                    for (IncomingBatch batch : batches) {
                        if (inserted.remove(batch.id())) {
                            fresh.add(batch);
                        }
                    }
                    return fresh;
                });
    }

    /** The groups of the batches, created when missing and locked against deletion and retention changes until commit. */
    private Uni<Map<GroupName, GroupRow>> groups(SqlClient tx, List<IncomingBatch> batches) {
        Set<GroupName> names = new TreeSet<>();
        batches.forEach(b -> names.add(GroupName.of(b)));
        // Tuple.of(a, b) would spread an array b into parameters
        Tuple params = Tuple.tuple(List.of(names.stream().map(GroupName::tenant).toArray(String[]::new),
                names.stream().map(GroupName::name).toArray(String[]::new)));
        // a group over the tenant's limit is not created; the audit group always is
        Tuple create = Tuple.tuple(List.of(params.getValue(0), params.getValue(1), limits.maxLogGroupsPerTenant(),
                ReservedGroups.PREFIX));
        return tx.preparedQuery("INSERT INTO log_group (tenant, name) SELECT v.t, v.n "
                        + "FROM unnest($1::text[], $2::text[]) AS v(t, n) "
                        + "WHERE (SELECT count(*) FROM log_group WHERE tenant = v.t) < $3 OR starts_with(v.n, $4) "
                        + "ON CONFLICT DO NOTHING").execute(create)
                .chain(x -> tx.preparedQuery("SELECT id, tenant, name, retention_days FROM log_group "
                        + "WHERE (tenant, name) IN (SELECT * FROM unnest($1::text[], $2::text[])) FOR SHARE")
                        .execute(params))
                .map(rows -> {
                    Map<GroupName, GroupRow> groups = new HashMap<>();
                    for (Row row : rows) {
                        groups.put(new GroupName(row.getString("tenant"), row.getString("name")),
                                new GroupRow(row.getLong("id"), row.getInteger("retention_days")));
                    }
                    return groups;
                });
    }

    /** Stream ids, the streams created when missing. */
    private Uni<Map<StreamName, Long>> streams(SqlClient tx, List<IncomingBatch> batches,
                                               Map<GroupName, GroupRow> groups) {
        Map<StreamName, String> tenantOf = new TreeMap<>();
        for (IncomingBatch b : batches) {
            tenantOf.put(new StreamName(groups.get(GroupName.of(b)).id(), b.logStream()), b.tenant());
        }
        Long[] groupIds = tenantOf.keySet().stream().map(StreamName::groupId).toArray(Long[]::new);
        String[] names = tenantOf.keySet().stream().map(StreamName::name).toArray(String[]::new);
        return tx.preparedQuery("INSERT INTO log_stream (tenant, group_id, name) "
                        + "SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(tenantOf.values().toArray(String[]::new), groupIds, names))
                .chain(x -> tx.preparedQuery("SELECT id, group_id, name FROM log_stream "
                        + "WHERE (group_id, name) IN (SELECT * FROM unnest($1::bigint[], $2::text[]))")
                        .execute(Tuple.tuple(List.of(groupIds, names))))
                .map(rows -> {
                    Map<StreamName, Long> streams = new HashMap<>();
                    for (Row row : rows) {
                        streams.put(new StreamName(row.getLong("group_id"), row.getString("name")), row.getLong("id"));
                    }
                    return streams;
                });
    }

    private Uni<List<StoredEvents>> insert(SqlClient tx, List<IncomingBatch> batches,
                                           Map<GroupName, GroupRow> groups, Map<StreamName, Long> streams, long now) {
        EventRows rows = new EventRows();
        Map<EventPartitions.Key, Map<Long, long[]>> bytes = new TreeMap<>(
                Comparator.comparing(EventPartitions.Key::retentionClass).thenComparing(EventPartitions.Key::day));
        Map<Long, StreamTimes> times = new TreeMap<>();
        List<StoredEvents> stored = new ArrayList<>();
        int dropped = 0;
        for (IncomingBatch batch : batches) {
            GroupRow group = groups.get(GroupName.of(batch));
            long streamId = streams.get(new StreamName(group.id(), batch.logStream()));
            int retentionClass = RetentionDays.classOf(group.retentionDays());
            long visibleFrom = RetentionDays.visibleFrom(group.retentionDays(), now);
            List<InputEvent> kept = new ArrayList<>(batch.events().size());
            for (InputEvent event : batch.events()) {
                if (!EventTimeWindow.accepts(event.timestamp(), now, visibleFrom)) {
                    dropped++;
                    continue;
                }
                kept.add(event);
                rows.add(retentionClass, event.timestamp(), group.id(), streamId, now, event.message());
                long[] counts = bytes.computeIfAbsent(EventPartitions.Key.of(retentionClass, event.timestamp()),
                        k -> new TreeMap<>()).computeIfAbsent(group.id(), k -> new long[2]);
                counts[0] += PutLogEventsLimits.eventBytes(event.message());
                counts[1]++;
                times.merge(streamId, new StreamTimes(event.timestamp(), event.timestamp()),
                        (a, b) -> a.with(b.first()));
            }
            if (!kept.isEmpty()) {
                stored.add(new StoredEvents(batch.tenant(), group.id(), batch.logGroup(), batch.logStream(), now, kept));
            }
        }
        if (dropped > 0) {
            LOG.warnf("%d events outside CloudWatch's window (-14 days, +2 hours, or past retention) not stored", dropped);
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().item(stored);
        }
        return partitions.ensure(bytes.keySet())
                .chain(x -> tx.preparedQuery("INSERT INTO log_event (retention_days, ts, group_id, stream_id, "
                                + "ingested_at, message) SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[], "
                                + "$4::bigint[], $5::bigint[], $6::text[])")
                        .execute(rows.tuple()))
                .chain(x -> tx.preparedQuery("INSERT INTO log_bytes (group_id, retention_days, day, bytes, events) "
                                + "SELECT * FROM unnest($1::bigint[], $2::int[], $3::date[], $4::bigint[], $5::bigint[]) "
                                + "ON CONFLICT (group_id, retention_days, day) DO UPDATE "
                                + "SET bytes = log_bytes.bytes + excluded.bytes, events = log_bytes.events + excluded.events")
                        .execute(bytesTuple(bytes)))
                .chain(x -> tx.preparedQuery("UPDATE log_stream s SET "
                                + "first_event_at = least(coalesce(s.first_event_at, v.first), v.first), "
                                + "last_event_at = greatest(coalesce(s.last_event_at, v.last), v.last), "
                                + "last_ingested_at = $4 "
                                + "FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS v(id, first, last) "
                                + "WHERE s.id = v.id")
                        .execute(Tuple.of(times.keySet().toArray(Long[]::new),
                                times.values().stream().map(StreamTimes::first).toArray(Long[]::new),
                                times.values().stream().map(StreamTimes::last).toArray(Long[]::new), now)))
                .map(x -> stored);
    }

    private static Tuple bytesTuple(Map<EventPartitions.Key, Map<Long, long[]>> bytes) {
        List<Long> groups = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        bytes.forEach((key, byGroup) -> byGroup.forEach((group, c) -> {
            groups.add(group);
            classes.add(key.retentionClass());
            days.add(key.day());
            sizes.add(c[0]);
            counts.add(c[1]);
        }));
        return Tuple.of(groups.toArray(Long[]::new), classes.toArray(Integer[]::new), days.toArray(LocalDate[]::new),
                sizes.toArray(Long[]::new), counts.toArray(Long[]::new));
    }

    /** The columns of the events to insert, as arrays for one unnest(). */
    private static final class EventRows {
        private final List<Integer> classes = new ArrayList<>();
        private final List<Long> timestamps = new ArrayList<>();
        private final List<Long> groups = new ArrayList<>();
        private final List<Long> streams = new ArrayList<>();
        private final List<Long> ingested = new ArrayList<>();
        private final List<String> messages = new ArrayList<>();

        void add(int retentionClass, long ts, long group, long stream, long ingestedAt, String message) {
            classes.add(retentionClass);
            timestamps.add(ts);
            groups.add(group);
            streams.add(stream);
            ingested.add(ingestedAt);
            messages.add(message);
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        Tuple tuple() {
            return Tuple.of(classes.toArray(Integer[]::new), timestamps.toArray(Long[]::new), groups.toArray(Long[]::new),
                    streams.toArray(Long[]::new), ingested.toArray(Long[]::new), messages.toArray(String[]::new));
        }
    }
}
