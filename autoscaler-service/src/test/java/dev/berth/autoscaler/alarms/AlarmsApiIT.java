package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.ALARMS;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.API;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.alarm;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.as;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.describe;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.history;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.put;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PutMetricAlarm, DescribeAlarms, DeleteAlarms and their checks, on the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class AlarmsApiIT {

    @Test
    void putDescribeUpdateAndDelete() {
        String name = unique("HighCpu");
        Map<String, Object> body = alarm(name, "Test/Alarms");
        body.put("AlarmActions", List.of("arn:berth:sns::acme:topic/ops"));
        body.put("OKActions", List.of("arn:berth:sns::acme:topic/ok"));
        body.put("Unit", "Percent");
        put("acme-admin", body);

        Map<String, Object> shown = describe("acme-viewer", name);
        assertEquals("INSUFFICIENT_DATA", shown.get("StateValue"));
        assertEquals("Unchecked: Initial alarm creation", shown.get("StateReason"));
        assertEquals(true, shown.get("ActionsEnabled"));
        assertEquals("arn:berth:cloudwatch::acme:alarm:" + name, shown.get("AlarmArn"));
        assertEquals("CPU too high", shown.get("AlarmDescription"));
        assertEquals(List.of("arn:berth:sns::acme:topic/ops"), shown.get("AlarmActions"));
        assertEquals(List.of("arn:berth:sns::acme:topic/ok"), shown.get("OKActions"));
        assertEquals(List.of(), shown.get("InsufficientDataActions"));
        assertEquals(List.of(Map.of("Name", "Service", "Value", "web")), shown.get("Dimensions"));
        assertEquals("Maximum", shown.get("Statistic"));
        assertEquals(10, shown.get("Period"));
        assertEquals(1, shown.get("EvaluationPeriods"));
        assertEquals("GreaterThanThreshold", shown.get("ComparisonOperator"));
        assertEquals("missing", shown.get("TreatMissingData"));
        assertEquals("Percent", shown.get("Unit"));
        assertNotNull(shown.get("StateUpdatedTimestamp"));
        assertNotNull(shown.get("AlarmConfigurationUpdatedTimestamp"));
        assertNull(shown.get("DatapointsToAlarm"));

        body.put("Threshold", 75.5);
        body.put("EvaluationPeriods", 3);
        body.put("DatapointsToAlarm", 2);
        put("acme-admin", body);
        Map<String, Object> updated = describe("acme-viewer", name);
        assertEquals(75.5, ((Number) updated.get("Threshold")).doubleValue());
        assertEquals(2, updated.get("DatapointsToAlarm"));
        assertEquals(shown.get("StateUpdatedTimestamp"), updated.get("StateUpdatedTimestamp"), "an update keeps the state");

        List<String> configuration = history(name, "ConfigurationUpdate").stream()
                .map(item -> (String) item.get("HistorySummary")).toList();
        assertEquals(List.of("Alarm \"" + name + "\" updated", "Alarm \"" + name + "\" created"), configuration);

        as("acme-admin").queryParam("AlarmNames", name).delete(ALARMS).then().statusCode(204);
        assertEquals(List.of(), as("acme-viewer").queryParam("AlarmNames", name).get(ALARMS).then().statusCode(200)
                .extract().jsonPath().getList("MetricAlarms"));
        as("acme-admin").queryParam("AlarmNames", name).delete(ALARMS).then().statusCode(404)
                .body("code", equalTo("ResourceNotFound")).body("message", containsString(name));
    }

    @Test
    void deleteIsAllOrNothing() {
        String kept = unique("Kept");
        put("acme-admin", alarm(kept, "Test/Alarms"));
        as("acme-admin").queryParam("AlarmNames", kept, unique("Missing")).delete(ALARMS).then().statusCode(404)
                .body("code", equalTo("ResourceNotFound"));
        assertEquals(kept, describe("acme-viewer", kept).get("AlarmName"));
    }

    @Test
    void describeFiltersAndPages() {
        String prefix = unique("Page");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = alarm(prefix + "-" + i, "Test/Alarms");
            if (i == 1) {
                body.put("InsufficientDataActions", List.of("arn:berth:sns::acme:topic/" + prefix));
            }
            put("acme-admin", body);
        }
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            var request = as("acme-viewer").queryParam("AlarmNamePrefix", prefix).queryParam("MaxRecords", 2);
            if (token != null) {
                request.queryParam("NextToken", token);
            }
            JsonPath page = request.get(ALARMS).then().statusCode(200).extract().jsonPath();
            List<String> pageNames = page.getList("MetricAlarms.AlarmName");
            assertTrue(pageNames.size() <= 2);
            names.addAll(pageNames);
            token = page.getString("NextToken");
        } while (token != null);
        assertEquals(List.of(prefix + "-0", prefix + "-1", prefix + "-2"), names);

        assertEquals(List.of(prefix + "-1"), as("acme-viewer").queryParam("ActionPrefix", "arn:berth:sns::acme:topic/" + prefix)
                .get(ALARMS).then().statusCode(200).extract().jsonPath().getList("MetricAlarms.AlarmName"));
        assertEquals(List.of(), as("acme-viewer").queryParam("AlarmNamePrefix", prefix).queryParam("StateValue", "ALARM")
                .get(ALARMS).then().statusCode(200).extract().jsonPath().getList("MetricAlarms"));
        assertEquals(3, as("acme-viewer").queryParam("AlarmNamePrefix", prefix)
                .queryParam("StateValue", "INSUFFICIENT_DATA").get(ALARMS).then().statusCode(200).extract().jsonPath()
                .getList("MetricAlarms").size());
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        String name = unique("Bad");
        Map<String, Object> noPeriod = alarm(name, "Test/Alarms");
        noPeriod.remove("Period");
        refused(noPeriod, "Period");
        Map<String, Object> badPeriod = alarm(name, "Test/Alarms");
        badPeriod.put("Period", 45);
        refused(badPeriod, "Period");
        Map<String, Object> badDimension = alarm(name, "Test/Alarms");
        badDimension.put("Dimensions", List.of(Map.of("Name", "A", "Value", "1"), Map.of("Name", "B")));
        refused(badDimension, "Dimensions[1].Value");
        Map<String, Object> badOperator = alarm(name, "Test/Alarms");
        badOperator.put("ComparisonOperator", "Bigger");
        refused(badOperator, "ComparisonOperator");
        Map<String, Object> tooManyActions = alarm(name, "Test/Alarms");
        tooManyActions.put("AlarmActions", List.of("a1", "a2", "a3", "a4", "a5", "a6"));
        refused(tooManyActions, "AlarmActions");
        Map<String, Object> m = alarm(name, "Test/Alarms");
        m.put("DatapointsToAlarm", 2);
        refused(m, "DatapointsToAlarm");
        Map<String, Object> percentile = alarm(name, "Test/Alarms");
        percentile.remove("Statistic");
        percentile.put("ExtendedStatistic", "p99");
        refused(percentile, "ExtendedStatistic");
        assertEquals(List.of(), as("acme-viewer").queryParam("AlarmNames", name).get(ALARMS).then().statusCode(200)
                .extract().jsonPath().getList("MetricAlarms"), "nothing half-written");

        as("acme-viewer").queryParam("MaxRecords", 101).get(ALARMS).then().statusCode(400)
                .body("field", equalTo("MaxRecords"));
        as("acme-viewer").queryParam("StateValue", "BROKEN").get(ALARMS).then().statusCode(400)
                .body("field", equalTo("StateValue"));
        as("acme-viewer").queryParam("AlarmNames", "a").queryParam("AlarmNamePrefix", "a").get(ALARMS).then()
                .statusCode(400).body("field", equalTo("AlarmNamePrefix"));
        as("acme-viewer").queryParam("NextToken", "garbage!").get(ALARMS).then().statusCode(400)
                .body("field", equalTo("NextToken"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("a" + i);
        }
        as("acme-admin").queryParam("AlarmNames", many).delete(ALARMS).then().statusCode(400)
                .body("field", equalTo("AlarmNames"));
        as("acme-admin").delete(ALARMS).then().statusCode(400).body("field", equalTo("AlarmNames"));
        as("acme-viewer").queryParam("HistoryItemType", "Other").get(API + "/alarm-history").then().statusCode(400)
                .body("field", equalTo("HistoryItemType"));
        as("acme-viewer").queryParam("StartDate", "yesterday").get(API + "/alarm-history").then().statusCode(400)
                .body("field", equalTo("StartDate"));
    }

    @Test
    void setAlarmStateChecksItsInput() {
        String name = unique("State");
        put("acme-admin", alarm(name, "Test/Alarms"));
        Map<String, Object> body = new HashMap<>(Map.of("AlarmName", name, "StateValue", "PANIC", "StateReason", "x"));
        as("acme-deployer").body(body).post(ALARMS + ":set-state").then().statusCode(400).body("field", equalTo("StateValue"));
        body.put("StateValue", "ALARM");
        body.put("StateReasonData", "{not json");
        as("acme-deployer").body(body).post(ALARMS + ":set-state").then().statusCode(400)
                .body("field", equalTo("StateReasonData"));
        body.remove("StateReasonData");
        body.put("AlarmName", unique("Nobody"));
        as("acme-deployer").body(body).post(ALARMS + ":set-state").then().statusCode(404)
                .body("code", equalTo("ResourceNotFound"));
        as("acme-viewer").body(Map.of("AlarmName", name, "StateValue", "OK", "StateReason", "x"))
                .post(ALARMS + ":set-state").then().statusCode(403);
    }

    @Test
    void tenantsSeeOnlyTheirOwnAlarms() {
        String name = unique("Mine");
        put("acme-admin", alarm(name, "Test/Alarms"));
        assertEquals(List.of(), as("globex-viewer").queryParam("AlarmNames", name).get(ALARMS).then().statusCode(200)
                .extract().jsonPath().getList("MetricAlarms"));
        as("globex-admin").queryParam("AlarmNames", name).delete(ALARMS).then().statusCode(404);
        as("globex-admin").body(Map.of("AlarmName", name, "StateValue", "ALARM", "StateReason", "x"))
                .post(ALARMS + ":set-state").then().statusCode(404);
        assertEquals(List.of(), as("globex-viewer").queryParam("AlarmName", name).get(API + "/alarm-history").then()
                .statusCode(200).extract().jsonPath().getList("AlarmHistoryItems"));
        assertEquals(name, describe("acme-viewer", name).get("AlarmName"));
        as("acme-viewer").body(alarm(unique("NotAllowed"), "Test/Alarms")).post(ALARMS).then().statusCode(403);
    }

    private static void refused(Map<String, Object> body, String field) {
        as("acme-admin").body(body).post(ALARMS).then().statusCode(400).body("field", equalTo(field))
                .body("message", containsString(field));
    }
}
