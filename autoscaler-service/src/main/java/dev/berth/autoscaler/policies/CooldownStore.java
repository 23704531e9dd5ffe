package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.scaling.CooldownState;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Each target's {@link CooldownState}: none until its policies first scale it; gone with the target. */
@ApplicationScoped
public class CooldownStore {

    private static final String KEY = "tenant = $1 AND service_namespace = $2 AND resource_id = $3 AND scalable_dimension = $4";

    public Uni<CooldownState> get(SqlClient client, String tenant, ScalableTargetId target) {
        return client.preparedQuery("SELECT last_scale_out_at, last_scale_out_amount, last_scale_in_at FROM scaling_cooldown "
                        + "WHERE " + KEY)
                .execute(key(tenant, target))
                .map(rows -> Rows.first(rows, CooldownStore::row).orElse(CooldownState.NONE));
    }

    public Uni<Void> put(SqlClient tx, String tenant, ScalableTargetId target, CooldownState state) {
        Tuple args = key(tenant, target).addValue(utc(state.lastScaleOutAt())).addValue(state.lastScaleOutAmount())
                .addValue(utc(state.lastScaleInAt()));
        return tx.preparedQuery("INSERT INTO scaling_cooldown (tenant, service_namespace, resource_id, scalable_dimension, "
                        + "last_scale_out_at, last_scale_out_amount, last_scale_in_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                        + "ON CONFLICT (tenant, service_namespace, resource_id, scalable_dimension) DO UPDATE SET "
                        + "last_scale_out_at = $5, last_scale_out_amount = $6, last_scale_in_at = $7")
                .execute(args).replaceWithVoid();
    }

    private static Tuple key(String tenant, ScalableTargetId target) {
        return Tuple.of(tenant, target.namespace().awsName(), target.resourceId().toString(), target.dimension().awsName());
    }

    private static CooldownState row(Row row) {
        return new CooldownState(instant(row.getOffsetDateTime("last_scale_out_at")), row.getInteger("last_scale_out_amount"),
                instant(row.getOffsetDateTime("last_scale_in_at")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
