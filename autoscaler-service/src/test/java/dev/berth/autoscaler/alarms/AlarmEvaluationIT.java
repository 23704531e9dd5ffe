package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.ALARMS;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.PATIENCE;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.alarm;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.as;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.await;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.awaitState;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.describe;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.every10s;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.history;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.put;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.putData;
import static dev.berth.autoscaler.alarms.AlarmsTestClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testsupport.BerthInfrastructure;
import dev.berth.testsupport.EventsReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alarms evaluated by the running job on data put through PutMetricData, on the real PostgreSQL and Kafka:
 * 10-second periods and (in tests) a 2-second cadence keep each transition within seconds.
 */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class AlarmEvaluationIT {

    private static final String TOPIC = "berth.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void breachingDataAlarmsAndFineDataClearsIt() throws Exception {
        String namespace = "Test/" + unique("eval");
        String name = unique("HighCpu");
        Map<String, Object> body = alarm(name, namespace);
        // the state stays while a period has no data: a slow test run sees no INSUFFICIENT_DATA in between
        body.put("TreatMissingData", "ignore");
        body.put("AlarmActions", List.of("arn:berth:sns::acme:topic/ops"));
        body.put("OKActions", List.of("arn:berth:sns::acme:topic/ok"));
        try (EventsReader events = EventsReader.atEndOf(TOPIC)) {
            put("acme-admin", body);
            Instant now = Instant.now();
            putData(namespace, 90, List.of(now.minusSeconds(15)));

            Map<String, Object> alarmed = awaitState(name, "ALARM");
            String reason = (String) alarmed.get("StateReason");
            assertTrue(reason.matches("Threshold Crossed: 1 datapoint \\[90\\.0 \\(\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d0\\)\\] "
                    + "was greater than the threshold \\(50\\.0\\)\\."), reason);
            JsonNode data = JSON.readTree((String) alarmed.get("StateReasonData"));
            assertEquals("1.0", data.get("version").asText());
            assertEquals("Maximum", data.get("statistic").asText());
            assertEquals(10, data.get("period").asInt());
            assertEquals(90.0, data.get("recentDatapoints").get(0).asDouble());
            assertEquals(50.0, data.get("threshold").asDouble());

            List<EventsReader.Event> alarmEvents = events.read(e -> isChangeOf(e, name), 1, PATIENCE);
            assertEquals(1, alarmEvents.size(), "a state change event");
            EventsReader.Event event = alarmEvents.getFirst();
            assertEquals("acme", event.key());
            JsonNode detail = event.value().get("detail");
            assertEquals("acme", event.value().get("tenant").asText());
            assertEquals("ALARM", detail.at("/state/value").asText());
            assertEquals(reason, detail.at("/state/reason").asText());
            assertEquals(alarmed.get("StateReasonData"), detail.at("/state/reasonData").asText());
            assertTrue(detail.at("/state/timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"),
                    detail.toString());
            assertEquals("INSUFFICIENT_DATA", detail.at("/previousState/value").asText());
            assertEquals("Unchecked: Initial alarm creation", detail.at("/previousState/reason").asText());
            assertEquals("Cpu", detail.at("/configuration/metrics/0/metricStat/metric/name").asText());
            assertEquals(namespace, detail.at("/configuration/metrics/0/metricStat/metric/namespace").asText());
            assertEquals("web", detail.at("/configuration/metrics/0/metricStat/metric/dimensions/Service").asText());
            assertEquals("Maximum", detail.at("/configuration/metrics/0/metricStat/stat").asText());
            assertEquals(10, detail.at("/configuration/metrics/0/metricStat/period").asInt());

            putData(namespace, 12, every10s(Instant.now(), 6));
            Map<String, Object> fine = awaitState(name, "OK");
            assertTrue(((String) fine.get("StateReason")).matches("Threshold Crossed: 1 datapoint \\[12\\.0 \\(.*\\)\\] "
                    + "was not greater than the threshold \\(50\\.0\\)\\."), (String) fine.get("StateReason"));
            List<EventsReader.Event> okEvents = events.read(e -> isChangeOf(e, name)
                    && e.value().at("/detail/state/value").asText().equals("OK"), 1, PATIENCE);
            assertEquals(1, okEvents.size());
            assertEquals("ALARM", okEvents.getFirst().value().at("/detail/previousState/value").asText());
        }

        List<String> transitions = history(name, "StateUpdate").stream().map(i -> (String) i.get("HistorySummary")).toList();
        assertEquals(List.of("Alarm updated from ALARM to OK", "Alarm updated from INSUFFICIENT_DATA to ALARM"), transitions);
        Map<String, Object> newest = history(name, "StateUpdate").getFirst();
        JsonNode historyData = JSON.readTree((String) newest.get("HistoryData"));
        assertEquals("ALARM", historyData.at("/oldState/stateValue").asText());
        assertEquals("OK", historyData.at("/newState/stateValue").asText());
        assertEquals(10, historyData.at("/newState/stateReasonData/period").asInt());
        assertEquals("MetricAlarm", newest.get("AlarmType"));

        List<String> actions = await(() -> history(name, "Action"), items -> items.size() >= 2, "two action items")
                .stream().map(i -> (String) i.get("HistorySummary")).toList();
        assertEquals(List.of("Successfully executed action arn:berth:sns::acme:topic/ok",
                "Successfully executed action arn:berth:sns::acme:topic/ops"), actions);
        List<String> ascending = AlarmsTestClient.historyPage(Map.of("AlarmName", name, "HistoryItemType", "StateUpdate",
                "ScanBy", "TimestampAscending", "MaxRecords", 1)).getList("AlarmHistoryItems.HistorySummary");
        assertEquals(List.of("Alarm updated from INSUFFICIENT_DATA to ALARM"), ascending);
    }

    @Test
    void disabledActionsAreNotRun() throws Exception {
        String namespace = "Test/" + unique("eval");
        String name = unique("Quiet");
        Map<String, Object> body = alarm(name, namespace);
        // the state stays while a period has no data: a slow test run sees no INSUFFICIENT_DATA in between
        body.put("TreatMissingData", "ignore");
        body.put("AlarmActions", List.of("arn:berth:sns::acme:topic/ops"));
        put("acme-admin", body);
        as("acme-deployer").body(Map.of("AlarmNames", List.of(name, unique("Unknown")))).post(ALARMS + ":disable-actions")
                .then().statusCode(204);
        assertEquals(false, describe("acme-viewer", name).get("ActionsEnabled"));

        putData(namespace, 99, List.of(Instant.now().minusSeconds(15)));
        awaitState(name, "ALARM");
        // the state change is written before its actions would run; a later change shows the sink had its turn
        as("acme-deployer").body(Map.of("AlarmNames", List.of(name))).post(ALARMS + ":enable-actions")
                .then().statusCode(204);
        assertEquals(true, describe("acme-viewer", name).get("ActionsEnabled"));
        putData(namespace, 1, every10s(Instant.now(), 6));
        awaitState(name, "OK");
        assertEquals(List.of(), history(name, "Action"), "no action while actions were disabled, none for OK (no OKActions)");
        assertEquals(2, history(name, "StateUpdate").size());
    }

    @Test
    void setAlarmStateHoldsUntilTheNextEvaluation() throws Exception {
        String namespace = "Test/" + unique("eval");
        String name = unique("Manual");
        Map<String, Object> body = alarm(name, namespace);
        // the state stays while a period has no data: a slow test run sees no INSUFFICIENT_DATA in between
        body.put("TreatMissingData", "ignore");
        body.put("AlarmActions", List.of("arn:berth:sns::acme:topic/manual"));
        put("acme-admin", body);
        putData(namespace, 5, every10s(Instant.now().minusSeconds(15), 9));
        awaitState(name, "OK");

        try (EventsReader events = EventsReader.atEndOf(TOPIC)) {
            as("acme-deployer").body(Map.of("AlarmName", name, "StateValue", "ALARM", "StateReason", "testing the pager",
                    "StateReasonData", "{\"by\":\"test\"}")).post(ALARMS + ":set-state").then().statusCode(204);
            List<EventsReader.Event> set = events.read(e -> isChangeOf(e, name)
                    && e.value().at("/detail/state/value").asText().equals("ALARM"), 1, PATIENCE);
            assertEquals(1, set.size());
            assertEquals("testing the pager", set.getFirst().value().at("/detail/state/reason").asText());
            assertEquals("{\"by\":\"test\"}", set.getFirst().value().at("/detail/state/reasonData").asText());
        }
        Map<String, Object> again = awaitState(name, "OK");
        assertTrue(((String) again.get("StateReason")).startsWith("Threshold Crossed: 1 datapoint [5.0"),
                (String) again.get("StateReason"));
        List<String> transitions = history(name, "StateUpdate").stream().map(i -> (String) i.get("HistorySummary")).toList();
        assertEquals(List.of("Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM",
                "Alarm updated from INSUFFICIENT_DATA to OK"), transitions);
        List<Map<String, Object>> actions = await(() -> history(name, "Action"), items -> !items.isEmpty(), "an action item");
        assertEquals("Successfully executed action arn:berth:sns::acme:topic/manual", actions.getFirst().get("HistorySummary"));
        assertNotNull(actions.getFirst().get("Timestamp"));
    }

    @Test
    void aOneMinuteAlarmReadsStandardResolutionData() throws Exception {
        String namespace = "Test/" + unique("eval");
        String name = unique("Minute");
        Map<String, Object> body = alarm(name, namespace);
        body.put("Period", 60);
        body.put("Statistic", "Average");
        body.put("TreatMissingData", "ignore");
        put("acme-admin", body);
        // two samples in one complete minute
        Instant before = Instant.now().minusSeconds(70).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(5);
        putData(namespace, 70, List.of(before), 60);
        putData(namespace, 90, List.of(before.plusSeconds(1)), 60);

        Map<String, Object> alarmed = awaitState(name, "ALARM");
        assertTrue(((String) alarmed.get("StateReason")).startsWith("Threshold Crossed: 1 datapoint [80.0 ("),
                (String) alarmed.get("StateReason"));
        JsonNode data = JSON.readTree((String) alarmed.get("StateReasonData"));
        assertEquals(60, data.get("period").asInt());
        assertEquals("Average", data.get("statistic").asText());
        assertEquals(2.0, data.at("/evaluatedDatapoints/0/sampleCount").asDouble(), data.toString());
    }

    private static boolean isChangeOf(EventsReader.Event event, String alarmName) {
        return "CloudWatch Alarm State Change".equals(event.value().path("type").asText())
                && alarmName.equals(event.value().at("/detail/alarmName").asText());
    }
}
