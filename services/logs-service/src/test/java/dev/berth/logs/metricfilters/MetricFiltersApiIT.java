package dev.berth.logs.metricfilters;

import static dev.berth.logs.LogsTestClient.API;
import static dev.berth.logs.LogsTestClient.as;
import static dev.berth.logs.LogsTestClient.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metric filters: matching events become data points on berth.metrics. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class MetricFiltersApiIT {

    private static Map<String, Object> filter(String group, String name, String pattern, String value) {
        return Map.of("logGroupName", group, "filterName", name, "filterPattern", pattern,
                "metricTransformations", List.of(Map.of("metricName", "SlowRequests", "metricNamespace", "Web",
                        "metricValue", value, "unit", "Milliseconds", "dimensions", Map.of("Service", "$.service"))));
    }

    @Test
    void matchingEventsBecomeDataPoints() throws Exception {
        String group = LogsTestClient.newGroup(null);
        LogsTestClient.newStream(group, "s");
        as("acme-admin").body(filter(group, "slow", "{ $.latency > 100 }", "$.latency"))
                .post(API + "/metric-filters").then().statusCode(200)
                .body("metricFilter.filterName", equalTo("slow"))
                .body("metricFilter.metricTransformations[0].metricValue", equalTo("$.latency"));
        as("acme-viewer").get(API + "/metric-filters?logGroupName=" + LogsTestClient.encoded(group)).then()
                .statusCode(200).body("metricFilters", hasSize(1));
        as("acme-viewer").get(LogsTestClient.group(group)).then().body("logGroup.metricFilterCount", equalTo(1));

        try (EventsReader metrics = EventsReader.atEndOf("berth.metrics")) {
            long now = System.currentTimeMillis();
            LogsTestClient.put(group, "s", List.of(
                    event(now, "{\"service\":\"web\",\"latency\":250}"),
                    event(now, "{\"service\":\"web\",\"latency\":20}"),
                    event(now, "{\"service\":\"api\",\"latency\":101}")));
            var found = metrics.read(e -> e.value().path("detail").path("logGroup").asText().equals(group), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, found.size());
            var points = found.get(0).value().path("detail").path("datapoints");
            assertEquals(2, points.size());
            assertEquals("Web", points.get(0).path("namespace").asText());
            assertEquals("SlowRequests", points.get(0).path("name").asText());
            assertEquals(250.0, points.get(0).path("value").asDouble());
            assertEquals("web", points.get(0).path("dimensions").path("Service").asText());
            assertEquals(101.0, points.get(1).path("value").asDouble());
            assertEquals("acme", found.get(0).value().path("tenant").asText());
        }
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        String group = LogsTestClient.newGroup(null);
        as("acme-admin").body(filter(group, "f", "{ $.latency > ", "1")).post(API + "/metric-filters").then()
                .statusCode(400).body("message", containsString("filterPattern"));
        as("acme-admin").body(filter(group, "f", "ERROR", "not a number")).post(API + "/metric-filters").then()
                .statusCode(400).body("message", containsString("metricValue"));
        as("acme-admin").body(filter("/no/such/group", "f", "ERROR", "1")).post(API + "/metric-filters").then()
                .statusCode(404);
        as("acme-viewer").body(filter(group, "f", "ERROR", "1")).post(API + "/metric-filters").then().statusCode(403);
        as("acme-admin").delete(API + "/metric-filters/none?logGroupName=" + LogsTestClient.encoded(group)).then()
                .statusCode(404);
        as("acme-viewer").body(Map.of("filterPattern", "ERROR -Exiting", "logEventMessages",
                        List.of("ERROR disk", "ERROR Exiting", "INFO")))
                .post(API + "/metric-filters:test").then().statusCode(200)
                .body("matches", hasSize(1)).body("matches[0].eventNumber", equalTo(1));
    }
}
