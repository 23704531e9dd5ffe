package dev.berth.autoscaler.metrics;

import static dev.berth.autoscaler.metrics.MetricsTestClient.API;
import static dev.berth.autoscaler.metrics.MetricsTestClient.as;
import static dev.berth.autoscaler.metrics.MetricsTestClient.datum;
import static dev.berth.autoscaler.metrics.MetricsTestClient.dimension;
import static dev.berth.autoscaler.metrics.MetricsTestClient.minutesAgo;
import static dev.berth.autoscaler.metrics.MetricsTestClient.newNamespace;
import static dev.berth.autoscaler.metrics.MetricsTestClient.put;
import static dev.berth.autoscaler.metrics.MetricsTestClient.statistics;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PutMetricData, then GetMetricStatistics, GetMetricData and ListMetrics, on the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class MetricsApiIT {

    private static final List<String> ALL = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");

    /**
     * Three forms in two minutes: Value 10 at t0+5s, StatisticValues {4, 20, 2, 8} at t0+30s, Values [1, 3]
     * with Counts [1, 2] at t0+70s. Minute t0: n 5, sum 30, min 2, max 10; minute t0+60: n 3, sum 7, min 1, max 3.
     */
    private static Instant putThreeForms(String namespace) {
        Instant t0 = minutesAgo(10);
        put("acme-deployer", namespace, List.of(
                datum("Latency", List.of(dimension("Service", "web"), dimension("Cluster", "prod")), t0.plusSeconds(5),
                        Map.of("Value", 10, "Unit", "Milliseconds")),
                datum("Latency", List.of(dimension("Cluster", "prod"), dimension("Service", "web")), t0.plusSeconds(30),
                        Map.of("StatisticValues", Map.of("SampleCount", 4, "Sum", 20, "Minimum", 2, "Maximum", 8),
                                "Unit", "Milliseconds")),
                datum("Latency", List.of(dimension("Service", "web"), dimension("Cluster", "prod")), t0.plusSeconds(70),
                        Map.of("Values", List.of(1, 3), "Counts", List.of(1, 2), "Unit", "Milliseconds"))));
        return t0;
    }

    private static final List<Map<String, String>> DIMENSIONS = List.of(dimension("Cluster", "prod"),
            dimension("Service", "web"));

    @Test
    void statisticsAreExactPerPeriod() {
        String namespace = newNamespace();
        Instant t0 = putThreeForms(namespace);
        JsonPath answer = statistics("acme-viewer", namespace, "Latency", DIMENSIONS, t0, t0.plusSeconds(120), 60, ALL);
        assertEquals("Latency", answer.getString("Label"));
        List<Map<String, Object>> points = answer.getList("Datapoints");
        assertEquals(2, points.size(), points.toString());
        assertPoint(points.get(0), t0, 5, 30, 2, 10, 6);
        assertPoint(points.get(1), t0.plusSeconds(60), 3, 7, 1, 3, 7.0 / 3);
        assertEquals("Milliseconds", points.get(0).get("Unit"));

        List<Map<String, Object>> whole = statistics("acme-viewer", namespace, "Latency", DIMENSIONS, t0,
                t0.plusSeconds(120), 120, ALL).getList("Datapoints");
        assertEquals(1, whole.size());
        assertPoint(whole.getFirst(), t0, 8, 37, 1, 10, 37.0 / 8);

        List<Map<String, Object>> endExclusive = statistics("acme-viewer", namespace, "Latency", DIMENSIONS, t0,
                t0.plusSeconds(60), 60, List.of("Sum")).getList("Datapoints");
        assertEquals(1, endExclusive.size(), "the end is exclusive");
        assertEquals(30.0, number(endExclusive.getFirst(), "Sum"));
        assertNull(endExclusive.getFirst().get("Average"), "only the statistics asked for");

        assertEquals(List.of(), statistics("acme-viewer", namespace, "Latency", List.of(dimension("Cluster", "prod")),
                t0, t0.plusSeconds(120), 60, ALL).getList("Datapoints"), "dimensions must match exactly");
    }

    @Test
    void highResolutionDataAnswersPeriodsUnderAMinute() {
        String namespace = newNamespace();
        Instant t0 = minutesAgo(5);
        List<Map<String, Object>> data = new ArrayList<>();
        for (int second : new int[] {1, 2, 12}) {
            data.add(datum("Requests", List.of(), t0.plusSeconds(second), Map.of("Value", second, "StorageResolution", 1)));
        }
        put("acme-deployer", namespace, data);
        List<Map<String, Object>> points = statistics("acme-viewer", namespace, "Requests", List.of(), t0,
                t0.plusSeconds(60), 10, List.of("Sum", "SampleCount")).getList("Datapoints");
        assertEquals(2, points.size(), points.toString());
        assertEquals(3.0, number(points.get(0), "Sum"));
        assertEquals(2.0, number(points.get(0), "SampleCount"));
        assertEquals(t0.plusSeconds(10).toString(), Instant.parse((String) points.get(1).get("Timestamp")).toString());
        assertEquals(12.0, number(points.get(1), "Sum"));
    }

    @Test
    void getMetricDataScansBothWaysAndPagesByMaxDatapoints() {
        String namespace = newNamespace();
        Instant t0 = putThreeForms(namespace);
        Map<String, Object> metric = Map.of("Namespace", namespace, "MetricName", "Latency", "Dimensions", DIMENSIONS);
        List<Map<String, Object>> queries = List.of(
                Map.of("Id", "sum", "MetricStat", Map.of("Metric", metric, "Period", 60, "Stat", "Sum")),
                Map.of("Id", "max", "MetricStat", Map.of("Metric", metric, "Period", 60, "Stat", "Maximum"),
                        "Label", "Highest"),
                Map.of("Id", "hidden", "MetricStat", Map.of("Metric", metric, "Period", 60, "Stat", "Minimum"),
                        "ReturnData", false));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MetricDataQueries", queries);
        body.put("StartTime", t0.toString());
        body.put("EndTime", t0.plusSeconds(120).toString());
        body.put("ScanBy", "TimestampAscending");
        JsonPath ascending = as("acme-viewer").body(body).post(API + "/metric-data:query").then().statusCode(200)
                .extract().jsonPath().using(MetricsTestClient.DOUBLES);
        assertEquals(2, ascending.getList("MetricDataResults").size(), "ReturnData false is not returned");
        assertEquals(List.of(30.0, 7.0), doubles(ascending.getList("MetricDataResults[0].Values")));
        assertEquals(List.of(t0.toString(), t0.plusSeconds(60).toString()),
                ascending.getList("MetricDataResults[0].Timestamps", String.class).stream()
                        .map(s -> Instant.parse(s).toString()).toList());
        assertEquals("Complete", ascending.getString("MetricDataResults[0].StatusCode"));
        assertEquals("Highest", ascending.getString("MetricDataResults[1].Label"));
        assertEquals(List.of(10.0, 3.0), doubles(ascending.getList("MetricDataResults[1].Values")));
        assertNull(ascending.getString("NextToken"));

        body.remove("ScanBy");
        body.put("MaxDatapoints", 1);
        List<Double> sums = new ArrayList<>();
        List<Double> maxima = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            body.put("NextToken", token);
            JsonPath page = as("acme-viewer").urlEncodingEnabled(false).body(body).post(API + "/metric-data%3Aquery").then().statusCode(200)
                    .extract().jsonPath().using(MetricsTestClient.DOUBLES);
            List<Map<String, Object>> results = page.getList("MetricDataResults");
            for (Map<String, Object> result : results) {
                List<Double> values = doubles((List<?>) result.get("Values"));
                (result.get("Id").equals("sum") ? sums : maxima).addAll(values);
                statuses.add((String) result.get("StatusCode"));
            }
            token = page.getString("NextToken");
            pages++;
        } while (token != null && pages < 10);
        assertEquals(List.of(7.0, 30.0), sums, "descending by default");
        assertEquals(List.of(3.0, 10.0), maxima);
        assertEquals("PartialData", statuses.getFirst());
        assertEquals(4, pages);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String namespace = newNamespace();
        Instant now = Instant.now();
        Map<String, Object> ok = Map.of("MetricName", "M", "Value", 1);
        List<Map<String, Object>> withNaN = List.of(ok, ok, Map.of("MetricName", "M", "Value", "NaN"));
        as("acme-deployer").body(Map.of("Namespace", namespace, "MetricData", withNaN)).post(API + "/metric-data")
                .then().statusCode(400).body("code", equalTo("InvalidParameterException"))
                .body("field", equalTo("MetricData[2].Value"));
        as("acme-deployer").body(Map.of("Namespace", "AWS/ECS", "MetricData", List.of(ok))).post(API + "/metric-data")
                .then().statusCode(400).body("field", equalTo("Namespace"));
        as("acme-deployer").body(Map.of("Namespace", namespace, "MetricData", List.of(Map.of("MetricName", "M",
                        "Value", 1, "Timestamp", now.minusSeconds(15 * 86400).toString()))))
                .post(API + "/metric-data").then().statusCode(400).body("field", equalTo("MetricData[0].Timestamp"));
        as("acme-viewer").body(Map.of("Namespace", namespace, "MetricName", "M", "StartTime",
                        now.minusSeconds(86400 * 2).toString(), "EndTime", now.toString(), "Period", 30,
                        "Statistics", List.of("Sum"))).post(API + "/metric-statistics")
                .then().statusCode(400).body("field", equalTo("Period"));
        as("acme-viewer").body(Map.of("Namespace", namespace, "MetricName", "M", "StartTime",
                        now.minusSeconds(3600).toString(), "EndTime", now.toString(), "Period", 60,
                        "ExtendedStatistics", List.of("p99"))).post(API + "/metric-statistics")
                .then().statusCode(400).body("field", equalTo("ExtendedStatistics"))
                .body("message", containsString("percentiles"));
        as("acme-viewer").body(Map.of("Namespace", namespace, "MetricName", "M", "StartTime",
                        now.minusSeconds(86400 * 2).toString(), "EndTime", now.toString(), "Period", 60,
                        "Statistics", List.of("Sum"))).post(API + "/metric-statistics")
                .then().statusCode(400).body("field", equalTo("Period")).body("message", containsString("1440"));
        as("acme-viewer").get(API + "/metrics?Dimensions.member.1.Value=x").then().statusCode(400)
                .body("field", equalTo("Dimensions.member.1.Name"));
        assertEquals(List.of(), statistics("acme-viewer", namespace, "M", List.of(), now.minusSeconds(600), now, 60,
                List.of("Sum")).getList("Datapoints"), "nothing of a refused call is stored");
    }

    @Test
    void aRequestOverOneMegabyteIsRefused() {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(Map.of("MetricName", "M", "Dimensions", List.of(dimension("Big", "x".repeat(1024))), "Value", i));
        }
        as("acme-deployer").body(Map.of("Namespace", newNamespace(), "MetricData", data)).post(API + "/metric-data")
                .then().statusCode(413);
    }

    @Test
    void viewersReadButDoNotWrite() {
        as("acme-viewer").body(Map.of("Namespace", newNamespace(), "MetricData", List.of(Map.of("MetricName", "M",
                "Value", 1)))).post(API + "/metric-data").then().statusCode(403);
    }

    @Test
    void anotherTenantSeesNothing() {
        String namespace = newNamespace();
        Instant t0 = putThreeForms(namespace);
        assertEquals(1, as("acme-viewer").get(API + "/metrics?Namespace=" + namespace).then().statusCode(200)
                .extract().jsonPath().getList("Metrics").size());
        assertEquals(List.of(), as("globex-viewer").get(API + "/metrics?Namespace=" + namespace).then()
                .statusCode(200).extract().jsonPath().getList("Metrics"));
        assertEquals(List.of(), statistics("globex-viewer", namespace, "Latency", DIMENSIONS, t0, t0.plusSeconds(120),
                60, ALL).getList("Datapoints"));
    }

    @Test
    void listMetricsFiltersByNameAndDimensions() {
        String namespace = newNamespace();
        Instant at = minutesAgo(1);
        put("acme-deployer", namespace, List.of(
                datum("CPU", List.of(dimension("Service", "web"), dimension("Cluster", "prod")), at, Map.of("Value", 1)),
                datum("CPU", List.of(dimension("Service", "api"), dimension("Cluster", "prod")), at, Map.of("Value", 1)),
                datum("CPU", List.of(dimension("Cluster", "prod"), dimension("Service", "web")), at, Map.of("Value", 2)),
                datum("Memory", List.of(dimension("Service", "web")), at, Map.of("Value", 1))));
        JsonPath all = as("acme-viewer").get(API + "/metrics?Namespace=" + namespace).then().statusCode(200)
                .extract().jsonPath().using(MetricsTestClient.DOUBLES);
        assertEquals(3, all.getList("Metrics").size(), "the same dimensions in another order are one metric");
        assertEquals(2, as("acme-viewer").get(API + "/metrics?Namespace=" + namespace + "&MetricName=CPU").then()
                .statusCode(200).extract().jsonPath().getList("Metrics").size());
        JsonPath web = as("acme-viewer").get(API + "/metrics?Namespace=" + namespace
                        + "&Dimensions.member.1.Name=Service&Dimensions.member.1.Value=web").then().statusCode(200)
                .extract().jsonPath().using(MetricsTestClient.DOUBLES);
        assertEquals(2, web.getList("Metrics").size());
        JsonPath anyCluster = as("acme-viewer").get(API + "/metrics?Namespace=" + namespace
                + "&Dimensions.member.1.Name=Cluster").then().statusCode(200).extract().jsonPath().using(MetricsTestClient.DOUBLES);
        assertEquals(2, anyCluster.getList("Metrics").size());
        assertEquals(List.of("Cluster", "Service"), anyCluster.getList("Metrics[0].Dimensions.Name"),
                "dimensions come back in their canonical order");
    }

    @Test
    void recentlyActiveListsMetricsWithDataInTheLastThreeHours() {
        String namespace = newNamespace();
        put("acme-deployer", namespace, List.of(
                datum("Fresh", List.of(), minutesAgo(1), Map.of("Value", 1)),
                datum("Older", List.of(), minutesAgo(5 * 60), Map.of("Value", 1))));
        assertEquals(List.of("Fresh", "Older"), as("acme-viewer").get(API + "/metrics?Namespace=" + namespace)
                .then().statusCode(200).extract().jsonPath().getList("Metrics.MetricName"));
        assertEquals(List.of("Fresh"), as("acme-viewer").get(API + "/metrics?Namespace=" + namespace
                + "&RecentlyActive=PT3H").then().statusCode(200).extract().jsonPath().getList("Metrics.MetricName"));
        as("acme-viewer").get(API + "/metrics?RecentlyActive=PT1H").then().statusCode(400)
                .body("field", equalTo("RecentlyActive"));
    }

    static void assertPoint(Map<String, Object> point, Instant at, double n, double sum, double min, double max,
                            double average) {
        assertNotNull(point);
        assertEquals(at, Instant.parse((String) point.get("Timestamp")));
        assertEquals(n, number(point, "SampleCount"));
        assertEquals(sum, number(point, "Sum"));
        assertEquals(min, number(point, "Minimum"));
        assertEquals(max, number(point, "Maximum"));
        assertEquals(average, number(point, "Average"), 1e-9);
    }

    static double number(Map<String, Object> point, String field) {
        return ((Number) point.get(field)).doubleValue();
    }

    static List<Double> doubles(List<?> values) {
        return values.stream().map(v -> ((Number) v).doubleValue()).toList();
    }
}
