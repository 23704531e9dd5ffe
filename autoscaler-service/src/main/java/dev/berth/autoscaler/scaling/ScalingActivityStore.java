package dev.berth.autoscaler.scaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Scaling activities, newest first per target; capacity changes still open are found again to be re-sent. */
@ApplicationScoped
public class ScalingActivityStore {

    private static final TypeReference<List<NotScaledReason>> REASONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "activity_id, tenant, service_namespace, resource_id, scalable_dimension, "
            + "description, cause, start_time, end_time, status_code, status_message, not_scaled_reasons::text AS reasons, "
            + "desired_count, min_capacity, max_capacity, scale_in";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    public Uni<Void> insert(SqlClient tx, ScalingActivity a) {
        return tx.preparedQuery("INSERT INTO scaling_activity (activity_id, tenant, service_namespace, resource_id, "
                        + "scalable_dimension, description, cause, start_time, end_time, status_code, status_message, "
                        + "not_scaled_reasons, desired_count, min_capacity, max_capacity, scale_in, sent_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)")
                .execute(values(a)).replaceWithVoid();
    }

    /**
     * A not-scaled activity, unless the target's latest activity is the same decision (same cause, same
     * reasons): an alarm that stays in ALARM at the maximum repeats its action at every evaluation, and
     * one record of it says all. Callers hold the target's lock.
     */
    public Uni<Void> insertUnlessRepeated(SqlClient tx, ScalingActivity a) {
        ScalableTargetId id = a.target();
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM scaling_activity WHERE tenant = $1 AND service_namespace = $2 "
                        + "AND resource_id = $3 AND scalable_dimension = $4 ORDER BY start_time DESC, activity_id DESC LIMIT 1")
                .execute(Tuple.of(a.tenant(), id.namespace().awsName(), id.resourceId().toString(), id.dimension().awsName()))
                .map(rows -> Rows.first(rows, this::row))
                .chain(latest -> latest.isPresent() && Objects.equals(latest.get().cause(), a.cause())
                        && latest.get().notScaledReasons().equals(a.notScaledReasons())
                        ? Uni.createFrom().voidItem() : insert(tx, a));
    }

    private Tuple values(ScalingActivity a) {
        ScalableTargetId id = a.target();
        List<Object> args = new ArrayList<>(Arrays.asList(a.activityId(), a.tenant(), id.namespace().awsName(),
                id.resourceId().toString(), id.dimension().awsName(), a.description(), a.cause(),
                ScalableTargetStore.utc(a.startTime()), ScalableTargetStore.utc(a.endTime()), a.statusCode().awsName(),
                a.statusMessage(), a.notScaledReasons().isEmpty() ? null : new JsonArray(write(a.notScaledReasons())),
                a.desiredCount(), a.minCapacity(), a.maxCapacity(), a.scaleIn(),
                a.isCapacityChange() ? ScalableTargetStore.utc(a.startTime()) : null));
        return Tuple.from(args);
    }

    /**
     * Closes an open activity with its outcome; false when it is closed already (a duplicate outcome) or
     * unknown, so a redelivered outcome changes nothing.
     */
    public Uni<Boolean> close(SqlClient tx, String tenant, UUID activityId, ActivityStatusCode status, String message,
            Instant endTime) {
        return tx.preparedQuery("UPDATE scaling_activity SET status_code = $3, status_message = $4, end_time = $5 "
                        + "WHERE tenant = $1 AND activity_id = $2 AND status_code IN ('Pending', 'InProgress')")
                .execute(Tuple.of(tenant, activityId, status.awsName(), message, ScalableTargetStore.utc(endTime)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Open capacity changes last sent before {@code sentBefore}, marked sent now (skipped by other replicas). */
    public Uni<List<ScalingActivity>> takeUnanswered(Instant sentBefore, int limit) {
        return pool.preparedQuery("UPDATE scaling_activity SET sent_at = now() WHERE activity_id IN (SELECT activity_id "
                        + "FROM scaling_activity WHERE status_code IN ('Pending', 'InProgress') AND sent_at < $1 "
                        + "ORDER BY sent_at LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .execute(Tuple.of(ScalableTargetStore.utc(sentBefore), limit)).map(rows -> Rows.all(rows, this::row));
    }

    public Uni<Optional<ScalingActivity>> find(String tenant, UUID activityId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM scaling_activity WHERE tenant = $1 AND activity_id = $2")
                .execute(Tuple.of(tenant, activityId)).map(rows -> Rows.first(rows, this::row));
    }

    /**
     * A page of a tenant's activities, newest first, after the position {@code after} (start time and id);
     * not-scaled activities only when asked for.
     */
    public Uni<List<ScalingActivity>> list(String tenant, ServiceNamespace namespace, String resourceId,
            ScalableDimension dimension, boolean includeNotScaled, ActivityPosition after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant, namespace.awsName()));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM scaling_activity WHERE tenant = $1 "
                + "AND service_namespace = $2");
        if (resourceId != null) {
            args.add(resourceId);
            sql.append(" AND resource_id = $").append(args.size());
        }
        if (dimension != null) {
            args.add(dimension.awsName());
            sql.append(" AND scalable_dimension = $").append(args.size());
        }
        if (!includeNotScaled) {
            sql.append(" AND not_scaled_reasons IS NULL");
        }
        if (after != null) {
            args.add(ScalableTargetStore.utc(after.startTime()));
            args.add(after.activityId());
            sql.append(" AND (start_time, activity_id) < ($").append(args.size() - 1).append(", $").append(args.size())
                    .append(")");
        }
        args.add(limit);
        sql.append(" ORDER BY start_time DESC, activity_id DESC LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> Rows.all(rows, this::row));
    }

    /** Forgets activities that started before {@code before}, at most {@code limit}; answers how many. */
    public Uni<Integer> forgetOlderThan(Duration kept, int limit) {
        return pool.preparedQuery("DELETE FROM scaling_activity WHERE activity_id IN (SELECT activity_id FROM "
                        + "scaling_activity WHERE start_time < now() - make_interval(secs => $1) LIMIT $2)")
                .execute(Tuple.of((double) kept.toSeconds(), limit)).map(rows -> rows.rowCount());
    }

    /** Where a page of activities ends: the last one's start time and id. */
    public record ActivityPosition(Instant startTime, UUID activityId) {

        public static ActivityPosition of(ScalingActivity activity) {
            return new ActivityPosition(activity.startTime(), activity.activityId());
        }

        public String encode() {
            return startTime.toString() + "|" + activityId;
        }

        /** The position a token held, or empty when it is not one. */
        public static Optional<ActivityPosition> decode(String text) {
            int bar = text.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ActivityPosition(Instant.parse(text.substring(0, bar)),
                        UUID.fromString(text.substring(bar + 1))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private ScalingActivity row(Row row) {
        ScalableTargetId id = ScalableTargetId.parse(row.getString("service_namespace"), row.getString("resource_id"),
                row.getString("scalable_dimension"));
        String reasons = row.getString("reasons");
        return new ScalingActivity(row.getUUID("activity_id"), row.getString("tenant"), id, row.getString("description"),
                row.getString("cause"), row.getOffsetDateTime("start_time").toInstant(),
                row.getOffsetDateTime("end_time") == null ? null : row.getOffsetDateTime("end_time").toInstant(),
                status(row.getString("status_code")), row.getString("status_message"),
                reasons == null ? List.of() : read(reasons), row.getInteger("desired_count"),
                row.getInteger("min_capacity"), row.getInteger("max_capacity"), Boolean.TRUE.equals(row.getBoolean("scale_in")));
    }

    private static ActivityStatusCode status(String awsName) {
        for (ActivityStatusCode code : ActivityStatusCode.values()) {
            if (code.awsName().equals(awsName)) {
                return code;
            }
        }
        throw new IllegalStateException("unknown stored status code " + awsName);
    }

    private String write(List<NotScaledReason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<NotScaledReason> read(String text) {
        try {
            return json.readValue(text, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored not-scaled reasons are not JSON", e);
        }
    }
}
