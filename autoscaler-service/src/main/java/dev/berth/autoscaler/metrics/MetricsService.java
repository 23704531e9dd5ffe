package dev.berth.autoscaler.metrics;

import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CloudWatch's metric calls for one tenant: PutMetricData, ListMetrics, GetMetricStatistics, GetMetricData. */
@ApplicationScoped
public class MetricsService {

    public static final int LIST_PAGE = 500;
    public static final int MAX_DIMENSION_FILTERS = 10;
    /** ListMetrics leaves out metrics without data for two weeks, as CloudWatch does. */
    public static final Duration LISTED_WITHIN = Duration.ofDays(14);

    @Inject
    MetricWriter writer;

    @Inject
    MetricStore metrics;

    @Inject
    DatapointStore datapoints;

    public Uni<Void> putMetricData(String tenant, PutMetricDataRequest request) {
        return writer.put(PutMetricDataValidation.samples(tenant, request, Instant.now()));
    }

    public Uni<ListMetricsResponse> listMetrics(String tenant, String namespace, String metricName,
                                                List<MetricStore.DimensionFilter> filters, String recentlyActive,
                                                String nextToken) {
        if (namespace != null) {
            MetricNames.namespace("Namespace", namespace);
        }
        if (metricName != null) {
            MetricNames.metricName("MetricName", metricName);
        }
        if (filters.size() > MAX_DIMENSION_FILTERS) {
            throw new InvalidInputException("Dimensions", "at most " + MAX_DIMENSION_FILTERS + " filters, got "
                    + filters.size());
        }
        Duration activeWithin = activeWithin(recentlyActive);
        long after = afterId(nextToken);
        return metrics.list(tenant, namespace, metricName, filters, activeWithin, after, LIST_PAGE + 1).map(found -> {
            List<Metric> page = found.stream().limit(LIST_PAGE).map(m -> metric(m.key())).toList();
            String next = found.size() > LIST_PAGE ? PageTokens.encode(Long.toString(found.get(LIST_PAGE - 1).id())) : null;
            return new ListMetricsResponse(page, next);
        });
    }

    public Uni<GetMetricStatisticsResponse> getMetricStatistics(String tenant, GetMetricStatisticsRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "a GetMetricStatistics request is required");
        }
        MetricKey key = new MetricKey(MetricNames.namespace("Namespace", request.namespace()),
                MetricNames.metricName("MetricName", request.metricName()),
                MetricNames.dimensions("Dimensions", request.dimensions()));
        List<Statistic> statistics = StatisticsQueries.statistics(request.statistics(), request.extendedStatistics());
        StandardUnit unit = request.unit() == null ? null : PutMetricDataValidation.unit("Unit", request.unit());
        PeriodWindow window = PeriodWindow.of(request.startTime(), request.endTime(), request.period(), Instant.now(),
                "Period").requireAtMostMaxDatapoints("Period");
        return metrics.find(tenant, key)
                .chain(id -> id.isEmpty() ? Uni.createFrom().item(List.<PeriodSet>of())
                        : datapoints.periods(id.get(), window, unit))
                .map(sets -> new GetMetricStatisticsResponse(key.metricName(),
                        sets.stream().map(s -> datapoint(window, s, statistics)).toList()));
    }

    /**
     * For the service's own readers (alarms, scaling): a metric's statistic sets per period of the window, per
     * unit (or of one unit), oldest first; empty when the metric has no data.
     */
    public Uni<List<PeriodSet>> periods(String tenant, MetricKey key, PeriodWindow window, StandardUnit unit) {
        return metrics.find(tenant, key).chain(id -> id.isEmpty() ? Uni.createFrom().item(List.<PeriodSet>of())
                : datapoints.periods(id.get(), window, unit));
    }

    public Uni<GetMetricDataResponse> getMetricData(String tenant, GetMetricDataRequest request) {
        List<MetricDataQueries.Query> queries = MetricDataQueries.of(request, Instant.now());
        boolean ascending = MetricDataQueries.scanBy(request.scanBy()) == ScanBy.TimestampAscending;
        int budget = MetricDataQueries.maxDatapoints(request.maxDatapoints());
        DataCursor start = DataCursor.parse(request.nextToken(), queries.size());
        return page(tenant, queries, start.query(), start.afterIndex(), budget, ascending, new ArrayList<>());
    }

    private Uni<GetMetricDataResponse> page(String tenant, List<MetricDataQueries.Query> queries, int index,
                                            Long after, int budget, boolean ascending, List<MetricDataResult> results) {
        while (index < queries.size() && !queries.get(index).returnData()) {
            index++;
            after = null;
        }
        if (index >= queries.size()) {
            return Uni.createFrom().item(new GetMetricDataResponse(results, null, List.of()));
        }
        if (budget == 0) {
            return Uni.createFrom().item(new GetMetricDataResponse(results, new DataCursor(index, null).token(),
                    List.of()));
        }
        MetricDataQueries.Query q = queries.get(index);
        int at = index;
        Long from = after;
        return metrics.find(tenant, q.key())
                .chain(id -> id.isEmpty() ? Uni.createFrom().item(List.<PeriodSet>of())
                        : datapoints.series(id.get(), q.window(), q.unit(), ascending, from, budget + 1))
                .chain(sets -> {
                    boolean more = sets.size() > budget;
                    List<PeriodSet> shown = more ? sets.subList(0, budget) : sets;
                    results.add(new MetricDataResult(q.id(), q.label(),
                            shown.stream().map(s -> q.window().periodStart(s.index())).toList(),
                            shown.stream().map(s -> s.set().value(q.stat())).toList(),
                            more ? StatusCode.PartialData : StatusCode.Complete, List.of()));
                    if (more) {
                        String token = new DataCursor(at, shown.getLast().index()).token();
                        return Uni.createFrom().item(new GetMetricDataResponse(results, token, List.of()));
                    }
                    return page(tenant, queries, at + 1, null, budget - shown.size(), ascending, results);
                });
    }

    private static Datapoint datapoint(PeriodWindow window, PeriodSet s, List<Statistic> statistics) {
        SampleSet set = s.set();
        return new Datapoint(window.periodStart(s.index()),
                value(set, statistics, Statistic.SAMPLE_COUNT), value(set, statistics, Statistic.AVERAGE),
                value(set, statistics, Statistic.SUM), value(set, statistics, Statistic.MINIMUM),
                value(set, statistics, Statistic.MAXIMUM), s.unit().wireName());
    }

    private static Double value(SampleSet set, List<Statistic> asked, Statistic statistic) {
        return asked.contains(statistic) ? set.value(statistic) : null;
    }

    static Metric metric(MetricKey key) {
        return new Metric(key.namespace(), key.metricName(),
                key.dimensions().stream().map(d -> new Dimension(d.name(), d.value())).toList());
    }

    /** As CloudWatch: metrics with data in the last two weeks, or in the last three hours for RecentlyActive PT3H. */
    private static Duration activeWithin(String recentlyActive) {
        if (recentlyActive == null) {
            return LISTED_WITHIN;
        }
        if (!recentlyActive.equals("PT3H")) {
            throw new InvalidInputException("RecentlyActive", "PT3H is the only value, got " + recentlyActive);
        }
        return Duration.ofHours(3);
    }

    private static long afterId(String nextToken) {
        String position = PageTokens.decode(nextToken, () -> new InvalidInputException("NextToken",
                "not a token this API gave out"));
        if (position == null) {
            return 0;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("NextToken", "not a token this API gave out");
        }
    }

    /** Where a GetMetricData page goes on: the query, and the last period index given of it (null: its start). */
    record DataCursor(int query, Long afterIndex) {

        String token() {
            return PageTokens.encode("d1:" + query + ":" + Optional.ofNullable(afterIndex).map(String::valueOf).orElse(""));
        }

        static DataCursor parse(String token, int queries) {
            String position = PageTokens.decode(token, () -> new InvalidInputException("NextToken",
                    "not a token this API gave out"));
            if (position == null) {
                return new DataCursor(0, null);
            }
            String[] parts = position.split(":", -1);
            try {
                if (parts.length != 3 || !parts[0].equals("d1")) {
                    throw new NumberFormatException();
                }
                int query = Integer.parseInt(parts[1]);
                if (query < 0 || query >= queries) {
                    throw new NumberFormatException();
                }
                return new DataCursor(query, parts[2].isEmpty() ? null : Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("NextToken", "not a token this API gave out for these queries");
            }
        }
    }
}
