package dev.berth.autoscaler.policies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.autoscaler.scaling.PolicyType;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Scaling policies by tenant, target and name. */
@ApplicationScoped
public class ScalingPolicyStore {

    private static final String COLUMNS = "tenant, service_namespace, resource_id, scalable_dimension, policy_name, "
            + "policy_arn, policy_type, configuration::text AS configuration, alarm_names, created_at";
    private static final String KEY = "tenant = $1 AND service_namespace = $2 AND resource_id = $3 AND scalable_dimension = $4";
    private static final String ORDER = "resource_id || '\n' || scalable_dimension || '\n' || policy_name";

    @Inject
    ObjectMapper json;

    public Uni<Optional<StoredPolicy>> lock(SqlClient tx, String tenant, ScalableTargetId target, String name) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM scaling_policy WHERE " + KEY + " AND policy_name = $5 FOR UPDATE")
                .execute(key(tenant, target).addValue(name)).map(rows -> Rows.first(rows, this::row));
    }

    public Uni<Integer> count(SqlClient tx, String tenant, ScalableTargetId target) {
        return tx.preparedQuery("SELECT count(*) AS n FROM scaling_policy WHERE " + KEY).execute(key(tenant, target))
                .map(rows -> rows.iterator().next().getLong("n").intValue());
    }

    /** Inserts or replaces the policy of that name (its ARN and creation time stay). */
    public Uni<Void> put(SqlClient tx, StoredPolicy p) {
        Tuple args = key(p.tenant(), p.target());
        Arrays.asList(p.name(), p.arn(), p.type().awsName(), configurationJson(p), p.alarmNames().toArray(String[]::new),
                p.createdAt().atOffset(ZoneOffset.UTC)).forEach(args::addValue);
        return tx.preparedQuery("INSERT INTO scaling_policy (tenant, service_namespace, resource_id, scalable_dimension, "
                        + "policy_name, policy_arn, policy_type, configuration, alarm_names, created_at) VALUES ($1, $2, $3, $4, "
                        + "$5, $6, $7, $8::text::jsonb, $9, $10) ON CONFLICT (tenant, service_namespace, resource_id, "
                        + "scalable_dimension, policy_name) DO UPDATE SET policy_type = $7, configuration = $8::text::jsonb, "
                        + "alarm_names = $9")
                .execute(args).replaceWithVoid();
    }

    public Uni<Optional<StoredPolicy>> delete(SqlClient tx, String tenant, ScalableTargetId target, String name) {
        return tx.preparedQuery("DELETE FROM scaling_policy WHERE " + KEY + " AND policy_name = $5 RETURNING " + COLUMNS)
                .execute(key(tenant, target).addValue(name)).map(rows -> Rows.first(rows, this::row));
    }

    public Uni<List<StoredPolicy>> deleteAll(SqlClient tx, String tenant, ScalableTargetId target) {
        return tx.preparedQuery("DELETE FROM scaling_policy WHERE " + KEY + " RETURNING " + COLUMNS)
                .execute(key(tenant, target)).map(rows -> Rows.all(rows, this::row));
    }

    /** Every policy of a target, by name. */
    public Uni<List<StoredPolicy>> ofTarget(SqlClient client, String tenant, ScalableTargetId target) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM scaling_policy WHERE " + KEY + " ORDER BY policy_name")
                .execute(key(tenant, target)).map(rows -> Rows.all(rows, this::row));
    }

    /** The tenant's policies among {@code arns}. */
    public Uni<List<StoredPolicy>> byArns(SqlClient client, String tenant, List<String> arns) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM scaling_policy WHERE tenant = $1 AND policy_arn = ANY($2)")
                .execute(Tuple.of(tenant, arns.toArray(String[]::new))).map(rows -> Rows.all(rows, this::row));
    }

    /** A page of a tenant's policies of a namespace, by (resource, dimension, name) after {@code after}. */
    public Uni<List<StoredPolicy>> list(SqlClient client, String tenant, String namespace, String resourceId,
            String dimension, List<String> names, String after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant, namespace));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM scaling_policy WHERE tenant = $1 "
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
            sql.append(" AND policy_name = ANY($").append(args.size()).append(")");
        }
        if (after != null) {
            args.add(after);
            sql.append(" AND ").append(ORDER).append(" COLLATE \"C\" > $").append(args.size());
        }
        args.add(limit);
        sql.append(" ORDER BY ").append(ORDER).append(" COLLATE \"C\" LIMIT $").append(args.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> Rows.all(rows, this::row));
    }

    /** The position after a policy in {@link #list}'s order. */
    public static String position(StoredPolicy p) {
        return p.target().resourceId() + "\n" + p.target().dimension().awsName() + "\n" + p.name();
    }

    private static Tuple key(String tenant, ScalableTargetId target) {
        return Tuple.of(tenant, target.namespace().awsName(), target.resourceId().toString(), target.dimension().awsName());
    }

    private String configurationJson(StoredPolicy p) {
        try {
            return json.writeValueAsString(p.type() == PolicyType.TARGET_TRACKING_SCALING ? p.targetTracking() : p.step());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredPolicy row(Row row) {
        ScalableTargetId target = ScalableTargetId.parse(row.getString("service_namespace"), row.getString("resource_id"),
                row.getString("scalable_dimension"));
        PolicyType type = PolicyType.parse(row.getString("policy_type"));
        String configuration = row.getString("configuration");
        try {
            PolicyMessages.TargetTrackingScalingPolicyConfiguration tracking = type == PolicyType.TARGET_TRACKING_SCALING
                    ? json.readValue(configuration, PolicyMessages.TargetTrackingScalingPolicyConfiguration.class) : null;
            PolicyMessages.StepScalingPolicyConfiguration step = type == PolicyType.STEP_SCALING
                    ? json.readValue(configuration, PolicyMessages.StepScalingPolicyConfiguration.class) : null;
            return new StoredPolicy(row.getString("tenant"), target, row.getString("policy_name"), row.getString("policy_arn"),
                    type, tracking, step, Arrays.asList(row.getArrayOfStrings("alarm_names")),
                    row.getOffsetDateTime("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy configuration is not JSON", e);
        }
    }
}
