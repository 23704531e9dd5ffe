package dev.berth.autoscaler.scheduledactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduledCapacityTextsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "15, 20, Successfully set min capacity to 15 and max capacity to 20",
            "15, -, Successfully set min capacity to 15",
            "-, 20, Successfully set max capacity to 20"})
    void theBoundsActivityEndsWithAwsStatusMessage(Integer min, Integer max, String message) {
        ScheduledAction action = ScheduledAction.of("morning", "rate(1 hour)", null, null, null, min, max, Instant.EPOCH);
        assertEquals(message, ScheduledCapacity.boundsStatusMessage(action));
    }
}
