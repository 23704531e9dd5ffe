package dev.berth.autoscaler.metrics;

import dev.berth.common.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.google.re2j.Pattern;

/**
 * GetMetricData's queries checked by CloudWatch's rules: 1 to 500, ids unique and of the form
 * {@code [a-z][a-zA-Z0-9_]*}, each a MetricStat (metric math Expression is refused for now).
 */
public final class MetricDataQueries {

    public static final int MAX_QUERIES = 500;
    public static final int DEFAULT_MAX_DATAPOINTS = 100_800;
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]{0,254}");

    /** One checked query. */
    public record Query(String id, String label, MetricKey key, PeriodWindow window, Statistic stat,
                        StandardUnit unit, boolean returnData) {
    }

    private MetricDataQueries() {
    }

    public static List<Query> of(GetMetricDataRequest request, Instant now) {
        if (request == null) {
            throw new InvalidInputException("body", "a GetMetricData request is required");
        }
        List<MetricDataQuery> queries = request.metricDataQueries();
        if (queries == null || queries.isEmpty()) {
            throw new InvalidInputException("MetricDataQueries", "required, 1 to " + MAX_QUERIES);
        }
        if (queries.size() > MAX_QUERIES) {
            throw new InvalidInputException("MetricDataQueries", "at most " + MAX_QUERIES + ", got " + queries.size());
        }
        Set<String> ids = new HashSet<>();
        List<Query> checked = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            String at = "MetricDataQueries[" + i + "]";
            MetricDataQuery q = queries.get(i);
            if (q == null) {
                throw new InvalidInputException(at, "required");
            }
            if (q.id() == null || !ID.matcher(q.id()).matches()) {
                throw new InvalidInputException(at + ".Id", "starts with a lowercase letter, then letters, digits "
                        + "or _, at most 255 characters");
            }
            if (!ids.add(q.id())) {
                throw new InvalidInputException(at + ".Id", "the id " + q.id() + " is used twice");
            }
            if (q.expression() != null) {
                throw new InvalidInputException(at + ".Expression", "metric math is not supported yet; "
                        + "give a MetricStat");
            }
            MetricStat stat = q.metricStat();
            if (stat == null) {
                throw new InvalidInputException(at + ".MetricStat", "required");
            }
            if (stat.metric() == null) {
                throw new InvalidInputException(at + ".MetricStat.Metric", "required");
            }
            String m = at + ".MetricStat.Metric";
            MetricKey key = new MetricKey(MetricNames.namespace(m + ".Namespace", stat.metric().namespace()),
                    MetricNames.metricName(m + ".MetricName", stat.metric().metricName()),
                    MetricNames.dimensions(m + ".Dimensions", stat.metric().dimensions()));
            PeriodWindow window = PeriodWindow.of(request.startTime(), request.endTime(), stat.period(), now,
                    at + ".MetricStat.Period");
            Statistic statistic = StatisticsQueries.stat(at + ".MetricStat.Stat", stat.stat());
            StandardUnit unit = stat.unit() == null ? null
                    : PutMetricDataValidation.unit(at + ".MetricStat.Unit", stat.unit());
            String label = q.label() == null ? key.metricName() : q.label();
            checked.add(new Query(q.id(), label, key, window, statistic, unit, q.returnData() == null || q.returnData()));
        }
        return checked;
    }

    public static ScanBy scanBy(String scanBy) {
        if (scanBy == null) {
            return ScanBy.TimestampDescending;
        }
        try {
            return ScanBy.valueOf(scanBy);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ScanBy", "TimestampDescending or TimestampAscending, got " + scanBy);
        }
    }

    public static int maxDatapoints(Integer maxDatapoints) {
        if (maxDatapoints == null) {
            return DEFAULT_MAX_DATAPOINTS;
        }
        if (maxDatapoints < 1 || maxDatapoints > DEFAULT_MAX_DATAPOINTS) {
            throw new InvalidInputException("MaxDatapoints", "between 1 and " + DEFAULT_MAX_DATAPOINTS + ", got "
                    + maxDatapoints);
        }
        return maxDatapoints;
    }
}
