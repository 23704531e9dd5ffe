package dev.berth.scheduler.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.berth.agent.protocol.AgentMessages;
import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Scheduled task rules in PostgreSQL, always within one tenant (except the runner's due query). */
@ApplicationScoped
public class ScheduledTaskStore {

    private static final String COLUMNS = "tenant, cluster, name, schedule_expression, timezone, state, "
            + "run_task::text AS run_task, anchor, next_run_at, last_run_at, last_result::text AS last_result, created_at";

    @Inject
    Pool pool;

    /** Creates or replaces a rule; the schedule counts from now (a rate starts over). */
    public Uni<ScheduledTask> put(String tenant, String cluster, String name, String expression, String timezone,
                                     ScheduleState state, String runTask, Instant nextRunAt, Instant anchor) {
        return pool.preparedQuery("INSERT INTO scheduled_task (tenant, cluster, name, schedule_expression, timezone, state, "
                        + "run_task, anchor, next_run_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                        + "ON CONFLICT (tenant, cluster, name) DO UPDATE SET schedule_expression = EXCLUDED.schedule_expression, "
                        + "timezone = EXCLUDED.timezone, state = EXCLUDED.state, run_task = EXCLUDED.run_task, "
                        + "anchor = EXCLUDED.anchor, next_run_at = EXCLUDED.next_run_at RETURNING " + COLUMNS)
                .execute(Tuple.tuple().addString(tenant).addString(cluster).addString(name).addString(expression)
                        .addString(timezone).addString(state.name()).addValue(new JsonObject(runTask)).addOffsetDateTime(utc(anchor))
                        .addOffsetDateTime(nextRunAt == null ? null : utc(nextRunAt)))
                .map(rows -> row(rows.iterator().next()));
    }

    public Uni<Optional<ScheduledTask>> find(String tenant, String cluster, String name) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM scheduled_task WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(tenant, cluster, name)).map(rows -> Rows.first(rows, ScheduledTaskStore::row));
    }

    public Uni<List<ScheduledTask>> list(String tenant, String cluster, String after, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM scheduled_task WHERE tenant = $1 AND cluster = $2 "
                        + "AND name > $3 ORDER BY name LIMIT $4")
                .execute(Tuple.of(tenant, cluster, after == null ? "" : after, limit))
                .map(rows -> Rows.all(rows, ScheduledTaskStore::row));
    }

    public Uni<Boolean> delete(String tenant, String cluster, String name) {
        return pool.preparedQuery("DELETE FROM scheduled_task WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(tenant, cluster, name)).map(rows -> rows.rowCount() == 1);
    }

    /** Due rules, locked so that no other replica runs them at the same time. */
    public Uni<List<ScheduledTask>> lockDue(SqlClient client, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM scheduled_task WHERE state = 'ENABLED' "
                        + "AND next_run_at <= now() ORDER BY next_run_at LIMIT $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(limit)).map(rows -> Rows.all(rows, ScheduledTaskStore::row));
    }

    public Uni<Void> ran(SqlClient client, ScheduledTask rule, Instant nextRunAt) {
        return client.preparedQuery("UPDATE scheduled_task SET last_run_at = now(), next_run_at = $4 "
                        + "WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.tuple().addString(rule.tenant()).addString(rule.cluster()).addString(rule.name())
                        .addOffsetDateTime(nextRunAt == null ? null : utc(nextRunAt))).replaceWithVoid();
    }

    public Uni<Void> result(ScheduledTask rule, String result) {
        return pool.preparedQuery("UPDATE scheduled_task SET last_result = $4 WHERE tenant = $1 AND cluster = $2 AND name = $3")
                .execute(Tuple.of(rule.tenant(), rule.cluster(), rule.name(), new JsonObject(result))).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static ScheduledTask row(Row row) {
        try {
            return new ScheduledTask(row.getString("tenant"), row.getString("cluster"), row.getString("name"),
                    row.getString("schedule_expression"), row.getString("timezone"), ScheduleState.valueOf(row.getString("state")),
                    AgentMessages.json().readTree(row.getString("run_task")), instant(row, "anchor"),
                    instant(row, "next_run_at"), instant(row, "last_run_at"),
                    row.getString("last_result") == null ? null : AgentMessages.json().readTree(row.getString("last_result")),
                    instant(row, "created_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
