package dev.berth.logs.metricfilters;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.db.Rows;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.filter.InvalidFilterPatternException;
import dev.berth.logs.requests.LimitExceededException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Metric filters in PostgreSQL; the group has been resolved under the caller's tenant. */
@ApplicationScoped
public class MetricFilterStore {

    private static final String COLUMNS = "f.tenant, f.group_id, g.name AS group_name, f.name, f.pattern, "
            + "f.transformations, f.created_at";
    private static final Logger LOG = Logger.getLogger(MetricFilterStore.class);
    private static final TypeReference<List<MetricTransformation>> TRANSFORMATIONS = new TypeReference<>() {
    };

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /**
     * PutMetricFilter: creates or replaces the filter of that name; the filter as stored. A new filter
     * beyond {@code maxPerGroup} in the group is a LimitExceededException.
     */
    public Uni<MetricFilter> put(String tenant, long groupId, String groupName, String name, FilterPattern pattern,
                                 List<MetricTransformation> transformations, int maxPerGroup) {
        JsonArray stored = new JsonArray(json.convertValue(transformations, List.class));
        return UniHelper.toUni(pool.preparedQuery("INSERT INTO metric_filter (tenant, group_id, name, pattern, "
                        + "transformations) SELECT $1, $2, $3, $4, $5 WHERE (SELECT count(*) FROM metric_filter "
                        + "WHERE group_id = $2 AND name <> $3) < $6 ON CONFLICT (group_id, name) DO UPDATE "
                        + "SET pattern = excluded.pattern, transformations = excluded.transformations RETURNING created_at")
                .execute(Tuple.of(tenant, groupId, name, pattern.text(), stored, maxPerGroup)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new LimitExceededException("filterName", "a log group has at most " + maxPerGroup
                                + " metric filters");
                    }
                    return new MetricFilter(tenant, groupId, groupName, name, pattern, transformations,
                            rows.iterator().next().getOffsetDateTime("created_at").toInstant());
                });
    }

    /** How many of the group's filters, other than {@code name}, have patterns with regular expressions. */
    public Uni<Integer> withRegularExpressions(long groupId, String name) {
        return UniHelper.toUni(pool.preparedQuery("SELECT name, pattern FROM metric_filter "
                        + "WHERE group_id = $1 AND name <> $2 AND strpos(pattern, '%') > 0")
                .execute(Tuple.of(groupId, name)))
                .map(rows -> (int) Rows.all(rows, row -> pattern(row.getString("name"), row.getString("pattern")))
                        .stream().filter(p -> p.regularExpressions() > 0).count());
    }

    public Uni<Boolean> delete(long groupId, String name) {
        return UniHelper.toUni(pool.preparedQuery("DELETE FROM metric_filter WHERE group_id = $1 AND name = $2")
                .execute(Tuple.of(groupId, name))).map(rows -> rows.rowCount() > 0);
    }

    /** A tenant's filters, of one group when {@code groupId} is not null, named with {@code prefix}, after {@code after}. */
    public Uni<List<MetricFilter>> list(String tenant, Long groupId, String prefix, String after, int limit) {
        return UniHelper.toUni(pool.preparedQuery("SELECT " + COLUMNS + " FROM metric_filter f "
                        + "JOIN log_group g ON g.id = f.group_id WHERE f.tenant = $1 AND ($2::bigint IS NULL OR f.group_id = $2) "
                        + "AND starts_with(f.name, $3) AND (g.name, f.name) > ($4, $5) ORDER BY g.name, f.name LIMIT $6")
                .execute(Tuple.of(tenant, groupId, prefix == null ? "" : prefix,
                        after == null ? "" : after.substring(0, after.indexOf('\0')),
                        after == null ? "" : after.substring(after.indexOf('\0') + 1), limit)))
                .map(rows -> Rows.all(rows, this::row));
    }

    /** The filters of these groups, for evaluating events as they are stored. */
    public Uni<List<MetricFilter>> ofGroups(List<Long> groupIds) {
        return UniHelper.toUni(pool.preparedQuery("SELECT " + COLUMNS + " FROM metric_filter f "
                        + "JOIN log_group g ON g.id = f.group_id WHERE f.group_id = ANY($1)")
                .execute(Tuple.of(groupIds.toArray(Long[]::new))))
                .map(rows -> Rows.all(rows, this::row));
    }

    public Uni<Map<Long, Integer>> counts(List<Long> groupIds) {
        return UniHelper.toUni(pool.preparedQuery("SELECT group_id, count(*)::int AS n FROM metric_filter "
                        + "WHERE group_id = ANY($1) GROUP BY group_id")
                .execute(Tuple.of(groupIds.toArray(Long[]::new))))
                .map(rows -> {
                    Map<Long, Integer> counts = new HashMap<>();
                    rows.forEach(row -> counts.put(row.getLong("group_id"), row.getInteger("n")));
                    return counts;
                });
    }

    private static FilterPattern pattern(String filterName, String text) {
        try {
            return FilterPattern.parse(text);
        } catch (InvalidFilterPatternException e) {
            LOG.warnf("metric filter %s: its stored pattern is refused now (%s) and matches nothing until it is "
                    + "put again", filterName, e.getMessage());
            return FilterPattern.storedButInvalid(text);
        }
    }

    private MetricFilter row(Row row) {
        List<MetricTransformation> transformations = json.convertValue(row.getJsonArray("transformations").getList(),
                TRANSFORMATIONS);
        return new MetricFilter(row.getString("tenant"), row.getLong("group_id"), row.getString("group_name"),
                row.getString("name"), pattern(row.getString("name"), row.getString("pattern")), transformations,
                row.getOffsetDateTime("created_at").toInstant());
    }
}
