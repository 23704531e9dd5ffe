package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MetricDataQueriesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Metric METRIC = new Metric("Acme", "Latency", List.of());

    private static MetricDataQuery query(String id, String stat) {
        return new MetricDataQuery(id, new MetricStat(METRIC, 60, stat, null), null, null, null, null);
    }

    private static GetMetricDataRequest request(List<MetricDataQuery> queries) {
        return new GetMetricDataRequest(queries, NOW.minusSeconds(3600), NOW, null, null, null);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "M1, Average, MetricDataQueries[1].Id",
            "m-1, Average, MetricDataQueries[1].Id",
            "m1, Average, MetricDataQueries[1].Id",
            "m2, p99, MetricDataQueries[1].MetricStat.Stat",
            "m2, Median, MetricDataQueries[1].MetricStat.Stat"})
    void refusedNamingTheField(String id, String stat, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MetricDataQueries.of(request(List.of(query("m1", "Sum"), query(id, stat))), NOW));
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void expressionsAreRefusedClearly() {
        MetricDataQuery math = new MetricDataQuery("e1", null, "m1 * 2", null, null, null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MetricDataQueries.of(request(List.of(query("m1", "Sum"), math)), NOW));
        assertEquals("MetricDataQueries[1].Expression", e.field());
    }

    @Test
    void atMost500Queries() {
        List<MetricDataQuery> many = Collections.nCopies(501, query("m1", "Sum"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MetricDataQueries.of(request(many), NOW));
        assertEquals("MetricDataQueries", e.field());
    }

    @Test
    void percentilesAreRefusedSayingWhy() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StatisticsQueries.statistics(List.of("Average"), List.of("p99")));
        assertEquals("ExtendedStatistics", e.field());
        assertTrue(e.getMessage().contains("statistic sets"));
        assertEquals("Statistics", assertThrows(InvalidInputException.class,
                () -> StatisticsQueries.statistics(List.of("Sum", "Average", "Minimum", "Maximum", "SampleCount", "Sum"),
                        null)).field());
    }
}
