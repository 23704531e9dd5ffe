package dev.berth.autoscaler.scheduledactions;

import dev.berth.autoscaler.scaling.ScalableTargetId;
import dev.berth.autoscaler.scaling.TargetDeregistration;
import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Scheduled actions by tenant, target and name; the due ones are taken by one replica at a time. */
@ApplicationScoped
public class ScheduledActionStore implements TargetDeregistration {

    private static final String COLUMNS = "tenant, service_namespace, resource_id, scalable_dimension, name, arn, schedule, "
            + "timezone, start_time, end_time, min_capacity, max_capacity, created_at, next_run_at";
    private static final String KEY = "tenant = $1 AND service_namespace = $2 AND resource_id = $3 AND scalable_dimension = $4";

    @Inject
    Pool pool;

    public Uni<Optional<StoredScheduledAction>> lock(SqlClient tx, String tenant, ScalableTargetId target, String name) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM scheduled_action WHERE " + KEY + " AND name = $5 FOR UPDATE")
                .execute(key(tenant, target).addValue(name)).map(rows -> Rows.first(rows, ScheduledActionStore::row));
    }

    public Uni<Integer> count(SqlClient tx, String tenant, ScalableTargetId target) {
        return tx.preparedQuery("SELECT count(*) AS n FROM scheduled_action WHERE " + KEY).execute(key(tenant, target))
                .map(rows -> rows.iterator().next().getLong("n").intValue());
    }

    /** Inserts or replaces the action of that name. */
    public Uni<Void> put(SqlClient tx, String tenant, ScalableTargetId target, String arn, ScheduledAction a, Instant nextRun) {
        Tuple args = key(tenant, target);
        Arrays.asList(a.name(), arn, a.scheduleText(), a.zone().getId(), utc(a.startTime()), utc(a.endTime()),
                a.minCapacity(), a.maxCapacity(), utc(a.createdAt()), utc(nextRun)).forEach(args::addValue);
        return tx.preparedQuery("INSERT INTO scheduled_action (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                        + "$10, $11, $12, $13, $14) ON CONFLICT (tenant, service_namespace, resource_id, scalable_dimension, "
                        + "name) DO UPDATE SET schedule = $7, timezone = $8, start_time = $9, end_time = $10, "
                        + "min_capacity = $11, max_capacity = $12, next_run_at = $14")
                .execute(args).replaceWithVoid();
    }

    public Uni<Boolean> delete(SqlClient tx, String tenant, ScalableTargetId target, String name) {
        return tx.preparedQuery("DELETE FROM scheduled_action WHERE " + KEY + " AND name = $5")
                .execute(key(tenant, target).addValue(name)).map(rows -> rows.rowCount() > 0);
    }

    @Override
    public Uni<Void> targetDeregistered(SqlClient tx, String tenant, ScalableTargetId target) {
        return tx.preparedQuery("DELETE FROM scheduled_action WHERE " + KEY).execute(key(tenant, target)).replaceWithVoid();
    }

    /** A page of a tenant's actions of a namespace, by (resource, dimension, name) after {@code after}. */
    public Uni<List<StoredScheduledAction>> list(String tenant, String namespace, String resourceId, String dimension,
            List<String> names, String after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant, namespace));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM scheduled_action WHERE tenant = $1 "
                + "AND service_namespace = $2");
        if (resourceId != null) {
            args.add(resourceId);
            sql.append(" AND resource_id = $").append(args.size());
        }
        if (dimension != null) {
            args.add(dimension);
            sql.append(" AND scalable_dimension = $").append(args.size());
        }
        if (!names.isEmpty()) {
            args.add(names.toArray(String[]::new));
            sql.append(" AND name = ANY($").append(args.size()).append(")");
        }
        String order = "resource_id || '\n' || scalable_dimension || '\n' || name";
        if (after != null) {
            args.add(after);
            sql.append(" AND ").append(order).append(" > $").append(args.size());
        }
        args.add(limit);
        sql.append(" ORDER BY ").append(order).append(" LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> Rows.all(rows, ScheduledActionStore::row));
    }

    public static String position(StoredScheduledAction a) {
        return a.target().resourceId() + "\n" + a.target().dimension().awsName() + "\n" + a.action().name();
    }

    /** Keys of actions due now, oldest first. */
    public Uni<List<StoredScheduledAction>> due(int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM scheduled_action WHERE next_run_at <= now() "
                        + "ORDER BY next_run_at LIMIT $1")
                .execute(Tuple.of(limit)).map(rows -> Rows.all(rows, ScheduledActionStore::row));
    }

    /** The action locked in {@code tx} if it is still due and no other replica holds it. */
    public Uni<Optional<StoredScheduledAction>> lockIfDue(SqlClient tx, StoredScheduledAction a) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM scheduled_action WHERE " + KEY + " AND name = $5 "
                        + "AND next_run_at <= now() FOR UPDATE SKIP LOCKED")
                .execute(key(a.tenant(), a.target()).addValue(a.action().name()))
                .map(rows -> Rows.first(rows, ScheduledActionStore::row));
    }

    public Uni<Void> nextRun(SqlClient tx, StoredScheduledAction a, Instant nextRun) {
        return tx.preparedQuery("UPDATE scheduled_action SET next_run_at = $6 WHERE " + KEY + " AND name = $5")
                .execute(key(a.tenant(), a.target()).addValue(a.action().name()).addValue(utc(nextRun)))
                .replaceWithVoid();
    }

    static String newArn(String tenant, ScalableTargetId target, String name) {
        return StoredScheduledAction.arn(tenant, UUID.randomUUID().toString(), target, name);
    }

    private static Tuple key(String tenant, ScalableTargetId target) {
        return Tuple.of(tenant, target.namespace().awsName(), target.resourceId().toString(), target.dimension().awsName());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static StoredScheduledAction row(Row row) {
        ScalableTargetId target = ScalableTargetId.parse(row.getString("service_namespace"), row.getString("resource_id"),
                row.getString("scalable_dimension"));
        ScheduledAction action = new ScheduledAction(row.getString("name"), row.getString("schedule"),
                ZoneId.of(row.getString("timezone")), instant(row, "start_time"), instant(row, "end_time"),
                row.getInteger("min_capacity"), row.getInteger("max_capacity"), instant(row, "created_at"));
        return new StoredScheduledAction(row.getString("tenant"), target, row.getString("arn"), action,
                instant(row, "next_run_at"));
    }
}
