package dev.berth.autoscaler.scaling;

import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Scalable targets, by tenant and (ServiceNamespace, ResourceId, ScalableDimension). */
@ApplicationScoped
public class ScalableTargetStore {

    private static final String COLUMNS = "tenant, service_namespace, resource_id, scalable_dimension, arn, min_capacity, "
            + "max_capacity, dynamic_scaling_in_suspended, dynamic_scaling_out_suspended, scheduled_scaling_suspended, "
            + "known_desired_count, created_at";

    /** The target locked for an update in this transaction, if registered. */
    public Uni<Optional<StoredTarget>> lock(SqlClient tx, String tenant, ScalableTargetId id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM scalable_target WHERE tenant = $1 AND service_namespace = $2 "
                        + "AND resource_id = $3 AND scalable_dimension = $4 FOR UPDATE")
                .execute(key(tenant, id)).map(rows -> Rows.first(rows, ScalableTargetStore::row));
    }

    /** Serializes registrations of one tenant, so the per-tenant limit holds under concurrent calls. */
    public Uni<Integer> lockTenantAndCount(SqlClient tx, String tenant) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('scalable_target/' || $1))").execute(Tuple.of(tenant))
                .chain(ok -> tx.preparedQuery("SELECT count(*) AS n FROM scalable_target WHERE tenant = $1")
                        .execute(Tuple.of(tenant)))
                .map(rows -> rows.iterator().next().getLong("n").intValue());
    }

    public Uni<StoredTarget> insert(SqlClient tx, String tenant, ScalableTarget target, Integer knownDesiredCount) {
        String arn = StoredTarget.arn(tenant, UUID.randomUUID().toString());
        SuspendedState s = target.suspendedState();
        return tx.preparedQuery("INSERT INTO scalable_target (" + COLUMNS.replace(", created_at", "") + ") "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING " + COLUMNS)
                .execute(Tuple.from(List.of(tenant, target.id().namespace().awsName(), target.id().resourceId().toString(),
                        target.id().dimension().awsName(), arn, target.capacity().min(), target.capacity().max(),
                        s.dynamicScalingInSuspended(), s.dynamicScalingOutSuspended(), s.scheduledScalingSuspended()))
                        .addValue(knownDesiredCount))
                .map(rows -> Rows.first(rows, ScalableTargetStore::row).orElseThrow());
    }

    public Uni<StoredTarget> update(SqlClient tx, String tenant, ScalableTarget target, Integer knownDesiredCount) {
        SuspendedState s = target.suspendedState();
        Tuple args = key(tenant, target.id()).addValue(target.capacity().min()).addValue(target.capacity().max())
                .addValue(s.dynamicScalingInSuspended()).addValue(s.dynamicScalingOutSuspended())
                .addValue(s.scheduledScalingSuspended()).addValue(knownDesiredCount);
        return tx.preparedQuery("UPDATE scalable_target SET min_capacity = $5, max_capacity = $6, "
                        + "dynamic_scaling_in_suspended = $7, dynamic_scaling_out_suspended = $8, "
                        + "scheduled_scaling_suspended = $9, known_desired_count = coalesce($10, known_desired_count) "
                        + "WHERE tenant = $1 AND service_namespace = $2 AND resource_id = $3 AND scalable_dimension = $4 "
                        + "RETURNING " + COLUMNS)
                .execute(args).map(rows -> Rows.first(rows, ScalableTargetStore::row).orElseThrow());
    }

    /** What the scheduler reported the service's count to be (an outcome of a scaling action). */
    public Uni<Void> knownDesiredCount(SqlClient client, String tenant, String resourceId, int desiredCount) {
        return client.preparedQuery("UPDATE scalable_target SET known_desired_count = $3 WHERE tenant = $1 "
                        + "AND resource_id = $2 AND scalable_dimension = 'ecs:service:DesiredCount'")
                .execute(Tuple.of(tenant, resourceId, desiredCount)).replaceWithVoid();
    }

    public Uni<Boolean> delete(SqlClient tx, String tenant, ScalableTargetId id) {
        return tx.preparedQuery("DELETE FROM scalable_target WHERE tenant = $1 AND service_namespace = $2 "
                        + "AND resource_id = $3 AND scalable_dimension = $4")
                .execute(key(tenant, id)).map(rows -> rows.rowCount() > 0);
    }

    /**
     * One page of a tenant's targets in (resource id, dimension) order after {@code after}; {@code resourceIds}
     * empty means every resource.
     */
    public Uni<List<StoredTarget>> list(SqlClient client, String tenant, ServiceNamespace namespace, List<String> resourceIds,
            ScalableDimension dimension, String after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant, namespace.awsName()));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM scalable_target WHERE tenant = $1 "
                + "AND service_namespace = $2");
        if (!resourceIds.isEmpty()) {
            args.add(resourceIds.toArray(String[]::new));
            sql.append(" AND resource_id = ANY($").append(args.size()).append(")");
        }
        if (dimension != null) {
            args.add(dimension.awsName());
            sql.append(" AND scalable_dimension = $").append(args.size());
        }
        if (after != null) {
            args.add(after);
            sql.append(" AND resource_id || '\n' || scalable_dimension > $").append(args.size());
        }
        args.add(limit);
        sql.append(" ORDER BY resource_id || '\n' || scalable_dimension LIMIT $").append(args.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(args))
                .map(rows -> Rows.all(rows, ScalableTargetStore::row));
    }

    /** The position after a target in {@link #list}'s order. */
    public static String position(StoredTarget target) {
        return target.target().id().resourceId() + "\n" + target.target().id().dimension().awsName();
    }

    static Tuple key(String tenant, ScalableTargetId id) {
        return Tuple.of(tenant, id.namespace().awsName(), id.resourceId().toString(), id.dimension().awsName());
    }

    private static StoredTarget row(Row row) {
        ScalableTargetId id = ScalableTargetId.parse(row.getString("service_namespace"), row.getString("resource_id"),
                row.getString("scalable_dimension"));
        ScalableTarget target = new ScalableTarget(id, new CapacityRange(row.getInteger("min_capacity"),
                row.getInteger("max_capacity")), new SuspendedState(row.getBoolean("dynamic_scaling_in_suspended"),
                row.getBoolean("dynamic_scaling_out_suspended"), row.getBoolean("scheduled_scaling_suspended")));
        return new StoredTarget(row.getString("tenant"), row.getString("arn"), target, row.getInteger("known_desired_count"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
