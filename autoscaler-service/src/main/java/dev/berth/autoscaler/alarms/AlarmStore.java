package dev.berth.autoscaler.alarms;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Metric alarms by tenant and name. */
@ApplicationScoped
public class AlarmStore {

    private static final String COLUMNS = "tenant, alarm_name, definition::text AS definition, actions_enabled, "
            + "state_value, state_reason, state_reason_data, state_updated_at, state_transitioned_at, "
            + "configuration_updated_at, next_evaluation_at";

    /** A due alarm: which one, not yet locked. */
    public record AlarmKey(String tenant, String alarmName) {
    }

    /** What a DescribeAlarms call selects; null members select everything. */
    public record Selection(List<String> alarmNames, String alarmNamePrefix, AlarmState state, String actionPrefix) {
    }

    @Inject
    Pool pool;

    /** Serializes PutMetricAlarm calls of one tenant, so the per-tenant limit holds under concurrent calls. */
    public Uni<Integer> lockTenantAndCount(SqlClient tx, String tenant) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('metric_alarm/' || $1))").execute(Tuple.of(tenant))
                .chain(ok -> tx.preparedQuery("SELECT count(*) AS n FROM metric_alarm WHERE tenant = $1")
                        .execute(Tuple.of(tenant)))
                .map(rows -> rows.iterator().next().getLong("n").intValue());
    }

    public Uni<Optional<StoredAlarm>> lock(SqlClient tx, String tenant, String alarmName) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM metric_alarm WHERE tenant = $1 AND alarm_name = $2 FOR UPDATE")
                .execute(Tuple.of(tenant, alarmName)).map(rows -> Rows.first(rows, AlarmStore::row));
    }

    /** The named alarms that exist, locked, in name order. */
    public Uni<List<StoredAlarm>> lockAll(SqlClient tx, String tenant, List<String> alarmNames) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM metric_alarm WHERE tenant = $1 AND alarm_name = ANY($2) "
                        + "ORDER BY alarm_name FOR UPDATE")
                .execute(Tuple.of(tenant, alarmNames.toArray(String[]::new))).map(rows -> Rows.all(rows, AlarmStore::row));
    }

    public Uni<Void> insert(SqlClient tx, StoredAlarm alarm) {
        AlarmDefinition d = alarm.definition();
        return tx.preparedQuery("INSERT INTO metric_alarm (tenant, alarm_name, definition, actions, actions_enabled, period, "
                        + "state_value, state_reason, state_reason_data, state_updated_at, state_transitioned_at, "
                        + "configuration_updated_at, next_evaluation_at) "
                        + "VALUES ($1, $2, $3::text::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                .execute(Tuple.from(List.of(alarm.tenant(), d.alarmName(), AlarmJson.definition(d), actions(d),
                                d.actionsEnabled(), d.period(), alarm.state().awsName(), alarm.stateReason()))
                        .addValue(alarm.stateReasonData()).addValue(time(alarm.stateUpdatedAt()))
                        .addValue(time(alarm.stateTransitionedAt())).addValue(time(alarm.configurationUpdatedAt()))
                        .addValue(time(alarm.nextEvaluationAt())))
                .replaceWithVoid();
    }

    /** A new configuration: the state stays, as PutMetricAlarm on an existing alarm leaves it. */
    public Uni<Void> updateDefinition(SqlClient tx, String tenant, AlarmDefinition d, Instant now, Instant nextEvaluation) {
        return tx.preparedQuery("UPDATE metric_alarm SET definition = $3::text::jsonb, actions = $4, actions_enabled = $5, "
                        + "period = $6, configuration_updated_at = $7, next_evaluation_at = $8 "
                        + "WHERE tenant = $1 AND alarm_name = $2")
                .execute(Tuple.from(List.of(tenant, d.alarmName(), AlarmJson.definition(d), actions(d), d.actionsEnabled(),
                        d.period(), time(now), time(nextEvaluation))))
                .replaceWithVoid();
    }

    public Uni<Void> delete(SqlClient tx, String tenant, List<String> alarmNames) {
        return tx.preparedQuery("DELETE FROM metric_alarm WHERE tenant = $1 AND alarm_name = ANY($2)")
                .execute(Tuple.of(tenant, alarmNames.toArray(String[]::new))).replaceWithVoid();
    }

    /** EnableAlarmActions / DisableAlarmActions: answers the names of the alarms whose setting changed. */
    public Uni<List<String>> setActionsEnabled(SqlClient tx, String tenant, List<String> alarmNames, boolean enabled) {
        return tx.preparedQuery("UPDATE metric_alarm SET actions_enabled = $3, "
                        + "definition = jsonb_set(definition, '{actionsEnabled}', to_jsonb($3::boolean)) "
                        + "WHERE tenant = $1 AND alarm_name = ANY($2) AND actions_enabled <> $3 RETURNING alarm_name")
                .execute(Tuple.of(tenant, alarmNames.toArray(String[]::new), enabled))
                .map(rows -> Rows.all(rows, row -> row.getString("alarm_name")));
    }

    /**
     * A new state (or a new reason for the same state): StateTransitionedTimestamp moves only with the
     * value. The next evaluation is set too.
     */
    public Uni<Void> setState(SqlClient tx, String tenant, String alarmName, AlarmState state, String reason,
                              String reasonData, Instant at, boolean transitioned, Instant nextEvaluation) {
        return tx.preparedQuery("UPDATE metric_alarm SET state_value = $3, state_reason = $4, state_reason_data = $5, "
                        + "state_updated_at = $6, state_transitioned_at = CASE WHEN $7 THEN $6 ELSE state_transitioned_at END, "
                        + "next_evaluation_at = $8 WHERE tenant = $1 AND alarm_name = $2")
                .execute(Tuple.from(List.of(tenant, alarmName, state.awsName(), reason)).addValue(reasonData)
                        .addValue(time(at)).addValue(transitioned).addValue(time(nextEvaluation)))
                .replaceWithVoid();
    }

    public Uni<Void> scheduleNext(SqlClient tx, String tenant, String alarmName, Instant nextEvaluation) {
        return tx.preparedQuery("UPDATE metric_alarm SET next_evaluation_at = $3 WHERE tenant = $1 AND alarm_name = $2")
                .execute(Tuple.of(tenant, alarmName, time(nextEvaluation))).replaceWithVoid();
    }

    /** Puts an alarm whose evaluation failed back in line, so it does not hold the head of the queue. */
    public Uni<Void> postpone(AlarmKey key, Instant nextEvaluation) {
        return pool.preparedQuery("UPDATE metric_alarm SET next_evaluation_at = $3 WHERE tenant = $1 AND alarm_name = $2")
                .execute(Tuple.of(key.tenant(), key.alarmName(), time(nextEvaluation))).replaceWithVoid();
    }

    /** Up to {@code limit} alarms due for evaluation, the longest waiting first. */
    public Uni<List<AlarmKey>> due(Instant now, int limit) {
        return pool.preparedQuery("SELECT tenant, alarm_name FROM metric_alarm WHERE next_evaluation_at <= $1 "
                        + "ORDER BY next_evaluation_at LIMIT $2")
                .execute(Tuple.of(time(now), limit))
                .map(rows -> Rows.all(rows, row -> new AlarmKey(row.getString("tenant"), row.getString("alarm_name"))));
    }

    /** The alarm locked if it is still due and no other replica holds it (that one evaluates it). */
    public Uni<Optional<StoredAlarm>> lockIfDue(SqlClient tx, AlarmKey key, Instant now) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM metric_alarm WHERE tenant = $1 AND alarm_name = $2 "
                        + "AND next_evaluation_at <= $3 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(key.tenant(), key.alarmName(), time(now))).map(rows -> Rows.first(rows, AlarmStore::row));
    }

    /** One page of DescribeAlarms in name order, after {@code after} (null: from the first). */
    public Uni<List<StoredAlarm>> list(SqlClient client, String tenant, Selection selection, String after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM metric_alarm WHERE tenant = $1");
        if (selection.alarmNames() != null && !selection.alarmNames().isEmpty()) {
            args.add(selection.alarmNames().toArray(String[]::new));
            sql.append(" AND alarm_name = ANY($").append(args.size()).append(")");
        }
        if (selection.alarmNamePrefix() != null) {
            args.add(selection.alarmNamePrefix());
            sql.append(" AND starts_with(alarm_name, $").append(args.size()).append(")");
        }
        if (selection.state() != null) {
            args.add(selection.state().awsName());
            sql.append(" AND state_value = $").append(args.size());
        }
        if (selection.actionPrefix() != null) {
            args.add(selection.actionPrefix());
            sql.append(" AND EXISTS (SELECT 1 FROM unnest(actions) AS a WHERE starts_with(a, $").append(args.size())
                    .append("))");
        }
        if (after != null) {
            args.add(after);
            sql.append(" AND alarm_name COLLATE \"C\" > $").append(args.size());
        }
        args.add(limit);
        sql.append(" ORDER BY alarm_name COLLATE \"C\" LIMIT $").append(args.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> Rows.all(rows, AlarmStore::row));
    }

    /** Stores the datapoints an evaluation counted (see {@link AlarmEvaluator#evaluatedValues}). */
    public Uni<Void> evaluatedValues(SqlClient tx, String tenant, String alarmName, List<Double> values) {
        return tx.preparedQuery("UPDATE metric_alarm SET evaluated_values = $3 WHERE tenant = $1 AND alarm_name = $2")
                .execute(Tuple.of(tenant, alarmName, values.toArray(Double[]::new))).replaceWithVoid();
    }

    /** Marks an alarm as owned by a scaling policy ({@code owner} its ARN). */
    public Uni<Void> managedBy(SqlClient tx, String tenant, String alarmName, String owner) {
        return tx.preparedQuery("UPDATE metric_alarm SET managed_by = $3 WHERE tenant = $1 AND alarm_name = $2")
                .execute(Tuple.of(tenant, alarmName, owner)).replaceWithVoid();
    }

    /** The owners of those of the named alarms a scaling policy owns, by alarm name. */
    public Uni<Map<String, String>> owners(SqlClient client, String tenant, List<String> alarmNames) {
        return client.preparedQuery("SELECT alarm_name, managed_by FROM metric_alarm WHERE tenant = $1 "
                        + "AND alarm_name = ANY($2) AND managed_by IS NOT NULL")
                .execute(Tuple.of(tenant, alarmNames.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> owners = new LinkedHashMap<>();
                    rows.forEach(row -> owners.put(row.getString("alarm_name"), row.getString("managed_by")));
                    return owners;
                });
    }

    /** The named alarms and those whose actions name one of {@code actionArns}, as policies read them. */
    public Uni<List<AlarmSnapshot>> snapshots(SqlClient client, String tenant, List<String> alarmNames,
            List<String> actionArns) {
        return client.preparedQuery("SELECT definition::text AS definition, state_value, evaluated_values "
                        + "FROM metric_alarm WHERE tenant = $1 AND (alarm_name = ANY($2) OR actions && $3) "
                        + "ORDER BY alarm_name COLLATE \"C\"")
                .execute(Tuple.of(tenant, alarmNames.toArray(String[]::new), actionArns.toArray(String[]::new)))
                .map(rows -> Rows.all(rows, row -> {
                    AlarmDefinition d = AlarmJson.definition(row.getString("definition"));
                    Double[] values = row.getArrayOfDoubles("evaluated_values");
                    return new AlarmSnapshot(d.alarmName(), AlarmState.valueOf(row.getString("state_value")), d.threshold(),
                            d.alarmActions(), values == null ? List.of() : Arrays.asList(values));
                }));
    }

    private static String[] actions(AlarmDefinition d) {
        return Stream.of(d.okActions(), d.alarmActions(), d.insufficientDataActions()).flatMap(List::stream).distinct()
                .toArray(String[]::new);
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static StoredAlarm row(Row row) {
        AlarmDefinition stored = AlarmJson.definition(row.getString("definition"));
        return new StoredAlarm(row.getString("tenant"), stored, AlarmState.valueOf(row.getString("state_value")),
                row.getString("state_reason"), row.getString("state_reason_data"),
                row.getOffsetDateTime("state_updated_at").toInstant(),
                row.getOffsetDateTime("state_transitioned_at").toInstant(),
                row.getOffsetDateTime("configuration_updated_at").toInstant(),
                row.getOffsetDateTime("next_evaluation_at").toInstant());
    }
}
