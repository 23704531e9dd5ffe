package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

/** The JSON texts alarms keep: definitions read back unchanged, history data and event details in CloudWatch's shape. */
class AlarmJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDefinitionReadsBackAsItWasWritten() {
        AlarmDefinition full = AlarmRules.definitionOf(new PutMetricAlarmValues("cpu-high", "too hot", false,
                List.of("arn:ok"), List.of("arn:alarm", "arn:alarm"), List.of("arn:unknown"), "CPUUtilization", "AWS/ECS",
                "Maximum", null, List.of(new Dimension("ClusterName", "prod"), new Dimension("ServiceName", "web")), 10,
                "Percent", 6, 4, 71.5, "LessThanOrEqualToThreshold", "breaching"));
        assertEquals(full, AlarmJson.definition(AlarmJson.definition(full)));
        AlarmDefinition defaults = AlarmRules.definitionOf(TestAlarms.values());
        AlarmDefinition read = AlarmJson.definition(AlarmJson.definition(defaults));
        assertEquals(defaults, read);
        assertEquals(null, read.datapointsToAlarm(), "M not given stays not given (it changes StateReason's wording)");
    }

    @Test
    void stateHistoryDataEmbedsTheReasonDataAsJson() throws Exception {
        JsonNode data = JSON.readTree(StateHistoryData.json(AlarmState.OK, "fine", AlarmState.ALARM, "hot",
                "{\"version\":\"1.0\",\"period\":60}"));
        assertEquals("1.0", data.get("version").asText());
        assertEquals("OK", data.at("/oldState/stateValue").asText());
        assertFalse(data.get("oldState").has("stateReasonData"));
        assertEquals(60, data.at("/newState/stateReasonData/period").asInt());
    }

    @Test
    void theEventDetailHasCloudWatchsMembers() throws Exception {
        AlarmDefinition definition = AlarmRules.definitionOf(TestAlarms.values());
        Instant created = Instant.parse("2026-12-03T12:00:00Z");
        StoredAlarm before = new StoredAlarm("acme", definition, AlarmState.INSUFFICIENT_DATA,
                StateReason.INITIAL.text(), null, created, created, created, created);
        JsonNode detail = JSON.readTree(AlarmJson.write(AlarmStateChangeEvent.of(before, AlarmState.ALARM, "hot", "{}",
                Instant.parse("2026-12-03T12:04:00.250Z"))));
        assertEquals("cpu-high", detail.get("alarmName").asText());
        assertEquals("ALARM", detail.at("/state/value").asText());
        assertEquals("2026-12-03T12:04:00.250+0000", detail.at("/state/timestamp").asText());
        assertEquals("INSUFFICIENT_DATA", detail.at("/previousState/value").asText());
        assertFalse(detail.get("previousState").has("reasonData"));
        assertEquals("prod", detail.at("/configuration/metrics/0/metricStat/metric/dimensions/ClusterName").asText());
        assertEquals("Average", detail.at("/configuration/metrics/0/metricStat/stat").asText());
        assertEquals(true, detail.at("/configuration/metrics/0/returnData").asBoolean());
    }

    @Test
    void setAlarmStateReasonDataMustBeJson() {
        AlarmJson.requireJson("StateReasonData", "{\"a\":1}");
        InvalidInputException refused = Assertions.assertThrows(InvalidInputException.class,
                () -> AlarmJson.requireJson("StateReasonData", "{a"));
        assertEquals("StateReasonData", refused.field());
    }
}
