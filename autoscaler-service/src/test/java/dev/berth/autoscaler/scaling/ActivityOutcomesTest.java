package dev.berth.autoscaler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.autoscaler.scaling.ScalingActivityStore.ActivityPosition;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.scaling.ScalingOutcome;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityOutcomesTest {

    @ParameterizedTest
    @CsvSource({"SUCCESSFUL, Successful", "UNFULFILLED, Unfulfilled", "FAILED, Failed"})
    void anOutcomeClosesItsActivityWithAwsStatusCode(ScalingOutcome.Status status, String statusCode) {
        assertEquals(statusCode, ActivityOutcomes.statusOf(status).awsName());
    }

    @Test
    void aCapacityChangeStartsInProgressWithAwsDescription() {
        ScalingActivity change = ScalingActivity.capacityChange("acme", ScalableTargetId.ecsService("default", "web"),
                new CapacityRange(5, 8), 2, 5, "minimum capacity was set to 5", Instant.EPOCH);
        assertEquals("Setting desired count to 5.", change.description());
        assertEquals(ActivityStatusCode.IN_PROGRESS, change.statusCode());
        assertEquals(false, change.scaleIn());
        assertTrue(change.isCapacityChange());
    }

    @Test
    void anActivityPositionRoundTripsAndRefusesOtherText() {
        ActivityPosition position = new ActivityPosition(Instant.parse("2026-12-03T10:15:30.123456Z"), UUID.randomUUID());
        assertEquals(position, ActivityPosition.decode(position.encode()).orElseThrow());
        assertTrue(ActivityPosition.decode("nope").isEmpty());
        assertTrue(ActivityPosition.decode("2026-12-03T10:15:30Z|not-a-uuid").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"0", "51", "-1"})
    void maxResultsOutsideOneToFiftyIsNamed(int maxResults) {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> ScalingPages.limit(maxResults));
        assertEquals("MaxResults", e.field());
    }
}
