package dev.berth.autoscaler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RegisterScalableTarget: capacities, suspended state, and the clamp of the current count into [min, max]. */
class ScalableTargetTest {

    private static final ScalableTargetId WEB = ScalableTargetId.ecsService("default", "web");

    @ParameterizedTest(name = "min {0} max {1}")
    @CsvSource(textBlock = """
            -1, 3, MinCapacity, must be at least 0
            0, -1, MaxCapacity, must be at least 0
            5, 4, MinCapacity, must not be greater than MaxCapacity (5 > 4)
            """)
    void refusesCapacitiesOutOfOrder(int min, int max, String field, String problem) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new CapacityRange(min, max));
        assertEquals(field, error.field());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void takesZeroAndEqualBounds() {
        assertEquals(new CapacityRange(0, 0), new CapacityRange(0, 0));
        assertEquals(3, new CapacityRange(3, 3).clamp(10));
    }

    @Test
    void aNewTargetNeedsBothCapacities() {
        assertEquals("MinCapacity", assertThrows(InvalidInputException.class,
                () -> ScalableTarget.register(null, WEB, null, 4, null, null, null)).field());
        assertEquals("MaxCapacity", assertThrows(InvalidInputException.class,
                () -> ScalableTarget.register(null, WEB, 1, null, null, null, null)).field());
        ScalableTarget target = ScalableTarget.register(null, WEB, 1, 4, null, null, null);
        assertEquals(new CapacityRange(1, 4), target.capacity());
        assertEquals(SuspendedState.NONE, target.suspendedState());
    }

    @Test
    void anUpdateKeepsWhatItLeavesOut() {
        ScalableTarget existing = ScalableTarget.register(null, WEB, 1, 4, null, true, null);
        ScalableTarget updated = ScalableTarget.register(existing, WEB, null, 8, true, null, null);
        assertEquals(new CapacityRange(1, 8), updated.capacity());
        assertEquals(new SuspendedState(true, true, false), updated.suspendedState());
        ScalableTarget resumed = ScalableTarget.register(updated, WEB, 2, null, false, false, true);
        assertEquals(new CapacityRange(2, 8), resumed.capacity());
        assertEquals(new SuspendedState(false, false, true), resumed.suspendedState());
    }

    @Test
    void anUpdateIsCheckedAgainstTheBoundItKeeps() {
        ScalableTarget existing = ScalableTarget.register(null, WEB, 1, 4, null, null, null);
        assertEquals("MinCapacity", assertThrows(InvalidInputException.class,
                () -> ScalableTarget.register(existing, WEB, 5, null, null, null, null)).field());
    }

    /** Registering clamps the current count into [min, max], with AWS's cause. */
    @ParameterizedTest(name = "count {0} in [{1}, {2}]")
    @CsvSource(textBlock = """
            1, 2, 5, 2, OUT, minimum capacity was set to 2
            0, 1, 1, 1, OUT, minimum capacity was set to 1
            9, 2, 5, 5, IN, maximum capacity was set to 5
            3, 0, 0, 0, IN, maximum capacity was set to 0
            """)
    void clampsTheCurrentCount(int count, int min, int max, int expected, ScalingDirection direction, String cause) {
        ScalableTarget target = ScalableTarget.register(null, WEB, min, max, null, null, null);
        ScalingDecision.Scale scale = target.clampCurrentCount(count).orElseThrow();
        assertEquals(expected, scale.newCount());
        assertEquals(direction, scale.direction());
        assertEquals("Setting desired count to " + expected + ".", scale.description());
        assertEquals(cause, scale.cause());
        assertEquals(ActivityStatusCode.PENDING, scale.statusCode());
    }

    @ParameterizedTest(name = "count {0}")
    @CsvSource({"2", "3", "5"})
    void leavesACountInsideTheRange(int count) {
        assertEquals(Optional.empty(), ScalableTarget.register(null, WEB, 2, 5, null, null, null).clampCurrentCount(count));
    }
}
