package dev.berth.scheduler.scaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.db.Rows;
import dev.berth.common.scaling.ScalingOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/** The outcome of every scaling action applied, by tenant and action id, for a week. */
@ApplicationScoped
public class AppliedScalingActions {

    /** How long an action id is remembered: far longer than any redelivery takes. */
    public static final Duration KEPT = Duration.ofDays(7);

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    public Uni<Optional<ScalingOutcome>> find(SqlClient client, String tenant, String actionId) {
        return client.preparedQuery("SELECT outcome::text AS outcome FROM applied_scaling_action "
                        + "WHERE tenant = $1 AND action_id = $2")
                .execute(Tuple.of(tenant, actionId))
                .map(rows -> Rows.first(rows, row -> read(row.getString("outcome"))));
    }

    /** Fails on a unique violation when another delivery of the action was applied meanwhile. */
    public Uni<Void> record(SqlClient client, String tenant, ScalingOutcome outcome) {
        try {
            return client.preparedQuery("INSERT INTO applied_scaling_action (tenant, action_id, resource_id, outcome) "
                            + "VALUES ($1, $2, $3, $4)")
                    .execute(Tuple.of(tenant, outcome.actionId(), outcome.resourceId(),
                            new JsonObject(json.writeValueAsString(outcome))))
                    .replaceWithVoid();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** Forgets actions older than {@link #KEPT}, at most {@code limit} at a time; answers how many. */
    public Uni<Integer> forgetOld(int limit) {
        return pool.preparedQuery("DELETE FROM applied_scaling_action WHERE ctid IN (SELECT ctid FROM "
                        + "applied_scaling_action WHERE applied_at < now() - make_interval(secs => $1) LIMIT $2)")
                .execute(Tuple.of((double) KEPT.toSeconds(), limit)).map(rows -> rows.rowCount());
    }

    private ScalingOutcome read(String text) {
        try {
            return json.readValue(text, ScalingOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored outcome is not JSON", e);
        }
    }
}
