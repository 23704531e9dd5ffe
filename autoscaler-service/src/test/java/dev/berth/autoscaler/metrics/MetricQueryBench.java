package dev.berth.autoscaler.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GetMetricData latency, run by hand (its name is neither *Test nor *IT): {@code mvn -B -pl
 * autoscaler-service -am verify -Dtest=MetricQueryBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Stores 24 hours of 1-minute data for 100 series, then asks for all of them in one GetMetricData
 * through the HTTP API, many times, and prints the latency percentiles; it checks only that every
 * answer holds every datapoint.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class MetricQueryBench {

    private static final int SERIES = 100;
    private static final int MINUTES = 24 * 60;
    private static final int WARM_UP = 20;

    @Inject
    MetricWriter writer;

    @Test
    void hundredSeriesOverADay() {
        String namespace = "Bench/" + UUID.randomUUID().toString().substring(0, 8);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofMinutes(MINUTES));
        List<Sample> samples = new ArrayList<>();
        for (int minute = 0; minute < MINUTES; minute++) {
            for (int s = 0; s < SERIES; s++) {
                samples.add(new Sample("acme", key(namespace, s), start.plus(Duration.ofMinutes(minute)),
                        SampleSet.of((minute + s) % 100), StandardUnit.PERCENT, false));
            }
            if (samples.size() >= 20_000) {
                writer.put(samples).await().indefinitely();
                samples = new ArrayList<>();
            }
        }
        writer.put(samples).await().indefinitely();

        // period 60: 144,000 datapoints, two pages each; fewer runs
        for (int period : List.of(300, 60)) {
            Map<String, Object> request = request(namespace, start, end, period);
            int expected = SERIES * MINUTES * 60 / period;
            int runs = period == 60 ? 50 : 200;
            double[] millis = new double[runs];
            for (int run = -WARM_UP; run < runs; run++) {
                long began = System.nanoTime();
                int datapoints = readAll(request);
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - began) / 1e6;
                }
                assertEquals(expected, datapoints);
            }
            Arrays.sort(millis);
            System.out.printf("BENCH GetMetricData %d series x 24 h, period %d s (%d datapoints, pages of at most "
                            + "100,800): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", SERIES, period, expected,
                    millis[runs / 2], millis[runs * 90 / 100], millis[runs * 99 / 100], millis[runs - 1]);
        }
    }

    private static MetricKey key(String namespace, int series) {
        return new MetricKey(namespace, "CPUUtilization", List.of(new DimensionValue("ServiceName", "s" + series)));
    }

    private static Map<String, Object> request(String namespace, Instant start, Instant end, int period) {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            queries.add(Map.of("Id", "q" + s, "MetricStat", Map.of("Metric", Map.of("Namespace", namespace,
                    "MetricName", "CPUUtilization", "Dimensions", List.of(Map.of("Name", "ServiceName", "Value", "s" + s))),
                    "Period", period, "Stat", "Average")));
        }
        return Map.of("MetricDataQueries", queries, "StartTime", start.toString(), "EndTime", end.toString());
    }

    /** Every page of the answer (following NextToken); the number of datapoints read. */
    private static int readAll(Map<String, Object> request) {
        int datapoints = 0;
        String next = null;
        do {
            Map<String, Object> page = new java.util.HashMap<>(request);
            if (next != null) {
                page.put("NextToken", next);
            }
            Response answer = MetricsTestClient.as("acme-viewer").body(page)
                    .post("/api/autoscaler/v1/metric-data:query").then().statusCode(200).extract().response();
            List<List<Object>> values = answer.jsonPath().getList("MetricDataResults.Values");
            for (List<Object> v : values) {
                datapoints += v.size();
            }
            next = answer.jsonPath().getString("NextToken");
        } while (next != null);
        return datapoints;
    }
}
