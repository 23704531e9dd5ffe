package dev.berth.autoscaler.alarms;

import dev.berth.common.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** DescribeAlarmHistory's items, by tenant; kept after their alarm is deleted, until they are too old. */
@ApplicationScoped
public class AlarmHistoryStore {

    /** An item as stored; {@code id} orders items of the same time. */
    public record StoredItem(long id, AlarmHistoryItem item, String historyData) {
    }

    /** A position in the history's order: after (or before, scanning down) this time and id. */
    public record Position(Instant timestamp, long id) {
    }

    /** What a DescribeAlarmHistory call selects; null members select everything. */
    public record Selection(String alarmName, HistoryItemType type, Instant startDate, Instant endDate,
                            boolean ascending) {
    }

    @Inject
    Pool pool;

    public Uni<Void> add(SqlClient client, String tenant, AlarmHistoryItem item, String historyData) {
        return client.preparedQuery("INSERT INTO alarm_history (tenant, alarm_name, ts, item_type, summary, data) "
                        + "VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(tenant, item.alarmName(), AlarmStore.time(item.timestamp()), item.historyItemType().name(),
                        item.historySummary(), historyData))
                .replaceWithVoid();
    }

    public Uni<List<StoredItem>> list(String tenant, Selection selection, Position after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder("SELECT id, alarm_name, ts, item_type, summary, data FROM alarm_history "
                + "WHERE tenant = $1");
        if (selection.alarmName() != null) {
            args.add(selection.alarmName());
            sql.append(" AND alarm_name = $").append(args.size());
        }
        if (selection.type() != null) {
            args.add(selection.type().name());
            sql.append(" AND item_type = $").append(args.size());
        }
        if (selection.startDate() != null) {
            args.add(AlarmStore.time(selection.startDate()));
            sql.append(" AND ts >= $").append(args.size());
        }
        if (selection.endDate() != null) {
            args.add(AlarmStore.time(selection.endDate()));
            sql.append(" AND ts <= $").append(args.size());
        }
        String direction = selection.ascending() ? "ASC" : "DESC";
        if (after != null) {
            args.add(AlarmStore.time(after.timestamp()));
            args.add(after.id());
            sql.append(" AND (ts, id) ").append(selection.ascending() ? ">" : "<").append(" ($").append(args.size() - 1)
                    .append(", $").append(args.size()).append(")");
        }
        args.add(limit);
        sql.append(" ORDER BY ts ").append(direction).append(", id ").append(direction).append(" LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> Rows.all(rows, row ->
                new StoredItem(row.getLong("id"), new AlarmHistoryItem(row.getString("alarm_name"),
                        row.getOffsetDateTime("ts").toInstant(), HistoryItemType.valueOf(row.getString("item_type")),
                        row.getString("summary")), row.getString("data"))));
    }

    /** Deletes up to {@code batch} items older than {@code before}; answers how many. */
    public Uni<Integer> deleteOlderThan(Instant before, int batch) {
        return pool.preparedQuery("DELETE FROM alarm_history WHERE id IN (SELECT id FROM alarm_history WHERE ts < $1 "
                        + "LIMIT $2)")
                .execute(Tuple.of(AlarmStore.time(before), batch)).map(rows -> rows.rowCount());
    }
}
