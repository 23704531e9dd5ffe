package dev.berth.autoscaler.scaling;

import static dev.berth.autoscaler.alarms.AlarmState.ALARM;
import static dev.berth.autoscaler.alarms.AlarmState.OK;
import static dev.berth.autoscaler.scaling.Triggers.context;
import static dev.berth.autoscaler.scaling.Triggers.decide;
import static dev.berth.autoscaler.scaling.Triggers.tracking;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS's quotas per target, and inputs at the edges of their ranges. */
class ScalingLimitsTest {

    @Test
    void fiftyPoliciesAndTwoHundredScheduledActionsPerTarget() {
        assertDoesNotThrow(() -> ScalingLimits.requireRoomForPolicy(49));
        ApiException policies = assertThrows(ApiException.class, () -> ScalingLimits.requireRoomForPolicy(50));
        assertEquals("LimitExceededException", policies.code());
        assertDoesNotThrow(() -> ScalingLimits.requireRoomForScheduledAction(199));
        assertEquals("LimitExceededException", assertThrows(ApiException.class,
                () -> ScalingLimits.requireRoomForScheduledAction(200)).code());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            '', must hold 1 to 256
            tab\there, printable ASCII
            """)
    void policyNames(String name, String problem) {
        String value = name.replace("\\t", "\t");
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> PolicyNames.validate(value));
        assertEquals("PolicyName", error.field());
        assertEquals(true, error.getMessage().contains(problem), error.getMessage());
        assertEquals("cpu50 policy: web/api", PolicyNames.validate("cpu50 policy: web/api"));
        assertEquals(256, PolicyNames.validate("p".repeat(256)).length());
        assertThrows(InvalidInputException.class, () -> PolicyNames.validate("p".repeat(257)));
    }

    @Test
    void policyTypes() {
        assertEquals(PolicyType.TARGET_TRACKING_SCALING, PolicyType.parse("TargetTrackingScaling"));
        assertEquals(PolicyType.STEP_SCALING, PolicyType.parse("StepScaling"));
        assertEquals("PolicyType", assertThrows(InvalidInputException.class, () -> PolicyType.parse("PredictiveScaling")).field());
        assertEquals("PolicyType", assertThrows(InvalidInputException.class, () -> PolicyType.parse("SimpleScaling")).field());
    }

    @Test
    void hugeMetricsSaturateInsteadOfOverflowing() {
        assertEquals(Integer.MAX_VALUE, TargetTrackingCapacity.toAdd(1000, 1e300, 1e-300));
        assertEquals(Integer.MAX_VALUE, PercentChange.of(Integer.MAX_VALUE, Integer.MAX_VALUE));
        ScalingDecision decision = decide(context(1, 30, 10), tracking("cpu50", 50, ALARM, OK, 1e300));
        assertEquals(30, assertInstanceOf(ScalingDecision.Scale.class, decision).newCount());
        assertEquals(0, TargetTrackingCapacity.toRemove(10, -1e300, 50));
    }

    @Test
    void aMetricThatIsNotANumberIsNoData() {
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.INSUFFICIENT_DATA),
                decide(context(1, 30, 10), tracking("cpu50", 50, ALARM, OK, Double.NaN)));
    }
}
