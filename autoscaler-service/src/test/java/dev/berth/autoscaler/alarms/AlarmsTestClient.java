package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The alarms and metrics API as the alarm tests use them, with the demo users' tokens. */
final class AlarmsTestClient {

    static final String API = "/api/autoscaler/v1";
    static final String ALARMS = API + "/alarms";
    static final String HISTORY = API + "/alarm-history";
    /** Long enough for several 10-second periods and the evaluations after them; a wait, not a speed check. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private AlarmsTestClient() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forDemoUser(user)).contentType("application/json");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A high-resolution alarm: Period 10 s, one datapoint, Maximum greater than 50. */
    static Map<String, Object> alarm(String name, String namespace) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AlarmName", name);
        body.put("AlarmDescription", "CPU too high");
        body.put("Namespace", namespace);
        body.put("MetricName", "Cpu");
        body.put("Dimensions", List.of(Map.of("Name", "Service", "Value", "web")));
        body.put("Statistic", "Maximum");
        body.put("Period", 10);
        body.put("EvaluationPeriods", 1);
        body.put("Threshold", 50.0);
        body.put("ComparisonOperator", "GreaterThanThreshold");
        return body;
    }

    static void put(String user, Map<String, Object> alarm) {
        as(user).body(alarm).post(ALARMS).then().statusCode(204);
    }

    /** High-resolution values of the alarm's metric, one at each of {@code times}. */
    static void putData(String namespace, double value, List<Instant> times) {
        putData(namespace, value, times, 1);
    }

    /** @param storageResolution 1 (kept at 1 s too) or 60 (standard: 1-minute sets only) */
    static void putData(String namespace, double value, List<Instant> times, int storageResolution) {
        List<Map<String, Object>> data = times.stream().map(at -> {
            Map<String, Object> datum = new LinkedHashMap<>();
            datum.put("MetricName", "Cpu");
            datum.put("Dimensions", List.of(Map.of("Name", "Service", "Value", "web")));
            datum.put("Timestamp", at.toString());
            datum.put("Value", value);
            datum.put("Unit", "Percent");
            datum.put("StorageResolution", storageResolution);
            return (Map<String, Object>) datum;
        }).toList();
        as("acme-deployer").body(Map.of("Namespace", namespace, "MetricData", data)).post(API + "/metric-data")
                .then().statusCode(204);
    }

    /** {@code count} instants 10 s apart from {@code first}. */
    static List<Instant> every10s(Instant first, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> first.plusSeconds(10L * i)).toList();
    }

    /** The one alarm of that name, as DescribeAlarms shows it. */
    static Map<String, Object> describe(String user, String name) {
        List<Map<String, Object>> found = as(user).queryParam("AlarmNames", name).get(ALARMS).then().statusCode(200)
                .extract().jsonPath().getList("MetricAlarms");
        if (found.size() != 1) {
            fail("alarm " + name + " found " + found.size() + " times: " + found);
        }
        return found.getFirst();
    }

    /** Waits until the alarm is in {@code state} and answers it then; fails with the last state seen otherwise. */
    static Map<String, Object> awaitState(String name, String state) throws InterruptedException {
        return await(() -> describe("acme-viewer", name), alarm -> state.equals(alarm.get("StateValue")),
                "alarm " + name + " in " + state);
    }

    static List<Map<String, Object>> history(String name, String type) {
        return as("acme-viewer").queryParam("AlarmName", name).queryParam("HistoryItemType", type).get(HISTORY)
                .then().statusCode(200).extract().jsonPath().getList("AlarmHistoryItems");
    }

    static JsonPath historyPage(Map<String, ?> query) {
        return as("acme-viewer").queryParams(query).get(HISTORY).then().statusCode(200).extract().jsonPath();
    }

    interface Read<T> {
        T get();
    }

    static <T> T await(Read<T> read, Predicate<T> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("waited for " + what + "; last seen: " + last);
            }
            Thread.sleep(500);
            last = read.get();
        }
        return last;
    }
}
