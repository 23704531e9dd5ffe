package dev.berth.autoscaler.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmHistoryTest {

    private static final Instant AT = Instant.parse("2026-12-03T12:05:10Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "INSUFFICIENT_DATA,ALARM,Alarm updated from INSUFFICIENT_DATA to ALARM",
            "ALARM,OK,Alarm updated from ALARM to OK",
            "OK,INSUFFICIENT_DATA,Alarm updated from OK to INSUFFICIENT_DATA"})
    void aStateChangeIsAStateUpdateItem(AlarmState from, AlarmState to, String summary) {
        StateReason reason = new StateReason("Threshold Crossed: ...", null);
        AlarmStateChange change = AlarmStateChange.of("cpu-high", AT, StateReason.INITIAL,
                new Evaluation(from, to, Optional.of(reason))).orElseThrow();
        assertEquals(new AlarmHistoryItem("cpu-high", AT, HistoryItemType.STATE_UPDATE, summary), change.historyItem());
        assertEquals(StateReason.INITIAL, change.oldReason());
        assertEquals(reason, change.newReason());
    }

    @Test
    void anEvaluationThatKeepsTheStateChangesNothing() {
        assertTrue(AlarmStateChange.of("cpu-high", AT, StateReason.INITIAL,
                new Evaluation(AlarmState.OK, AlarmState.OK, Optional.empty())).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new AlarmStateChange("cpu-high", AT, AlarmState.OK, null,
                AlarmState.OK, null));
    }

    @Test
    void configurationAndActionItemsUseCloudWatchsSummaries() {
        assertEquals(new AlarmHistoryItem("cpu-high", AT, HistoryItemType.CONFIGURATION_UPDATE, "Alarm \"cpu-high\" created"),
                AlarmHistoryItem.created("cpu-high", AT));
        assertEquals("Alarm \"cpu-high\" updated", AlarmHistoryItem.updated("cpu-high", AT).historySummary());
        assertEquals(new AlarmHistoryItem("cpu-high", AT, HistoryItemType.ACTION, "Successfully executed action arn:x"),
                AlarmHistoryItem.actionExecuted("cpu-high", AT, "arn:x"));
        assertEquals("Failed to execute action arn:x. Reason: no such policy",
                AlarmHistoryItem.actionFailed("cpu-high", AT, "arn:x", "no such policy").historySummary());
        assertEquals("StateUpdate", HistoryItemType.STATE_UPDATE.awsName());
        assertEquals("ConfigurationUpdate", HistoryItemType.CONFIGURATION_UPDATE.awsName());
        assertEquals("Action", HistoryItemType.ACTION.awsName());
    }
}
