package dev.berth.autoscaler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** StepScalingPolicyConfiguration: AWS's rules for steps, the choice of a step, and the capacity it asks for. */
class StepScalingConfigurationTest {

    private static final String STEPS = "StepScalingPolicyConfiguration.StepAdjustments";

    /** Steps as {@code lower:upper:adjustment}, an empty bound meaning none (e.g. {@code 20::30}). */
    static List<StepAdjustment> steps(String spec) {
        List<StepAdjustment> steps = new ArrayList<>();
        for (String step : spec.trim().split("\\s+")) {
            String[] parts = step.split(":", -1);
            steps.add(new StepAdjustment(bound(parts[0]), bound(parts[1]), Integer.parseInt(parts[2])));
        }
        return steps;
    }

    private static Double bound(String value) {
        return value.isEmpty() ? null : Double.valueOf(value);
    }

    static StepScalingConfiguration config(String type, String steps) {
        return StepScalingConfiguration.of(type, steps(steps), null, null, null);
    }

    @Test
    void defaultsAsAws() {
        StepScalingConfiguration config = config("ChangeInCapacity", "0::1");
        assertEquals(Duration.ofSeconds(300), config.cooldown());
        assertEquals(MetricAggregationType.AVERAGE, config.metricAggregationType());
        assertEquals(AdjustmentType.CHANGE_IN_CAPACITY, config.adjustmentType());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', textBlock = """
            ChangeInCapacity        ; 0:10:1 10:20:2 20::3     ; ;
            ChangeInCapacity        ; 0:10:1 5:20:2 20::3      ; [1] ; overlaps step adjustment 0
            ChangeInCapacity        ; 0:10:1 12:20:2 20::3     ; [1] ; leaves a gap after step adjustment 0
            ChangeInCapacity        ; 20::3 0:10:1 10:25:2     ; [0] ; overlaps step adjustment 2
            ChangeInCapacity        ; :0:-1 ::2                ; [1] ; cannot both be null
            ChangeInCapacity        ; :-10:-2 :0:-1            ; [1] ; overlaps step adjustment 0
            ChangeInCapacity        ; 0::1 10::2               ; [1] ; overlaps step adjustment 0
            ChangeInCapacity        ; 10:5:1 10::2             ; [0].MetricIntervalUpperBound ; must be greater than MetricIntervalLowerBound
            ChangeInCapacity        ; 0:10:1                   ; [0] ; has a positive upper bound, so a step adjustment with no upper bound
            ChangeInCapacity        ; -10:0:-1                 ; [0] ; has a negative lower bound, so a step adjustment with no lower bound
            ChangeInCapacity        ; -10:0:-1 0::1            ; [0] ; has a negative lower bound
            ChangeInCapacity        ; :-10:-2 -10:0:-1         ; ;
            ChangeInCapacity        ; :-20:-30 -20:-10:-10 -10:0:0 ; ;
            ChangeInCapacity        ; :0:-1 0::1               ; ;
            ExactCapacity           ; 0::-1                    ; [0].ScalingAdjustment ; must not be negative with ExactCapacity
            ExactCapacity           ; 0::0                     ; ;
            """)
    void checksTheSteps(String type, String steps, String field, String problem) {
        if (field == null) {
            assertEquals(steps(steps), StepScalingConfiguration.of(type, steps(steps), null, null, null).stepAdjustments());
            return;
        }
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> StepScalingConfiguration.of(type, steps(steps), null, null, null));
        assertEquals(STEPS + field, error.field());
        assertEquals("ValidationException", error.code());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void oneToTwentySteps() {
        assertEquals(STEPS, assertThrows(InvalidInputException.class,
                () -> StepScalingConfiguration.of("ChangeInCapacity", List.of(), null, null, null)).field());
        assertEquals(STEPS, assertThrows(InvalidInputException.class,
                () -> StepScalingConfiguration.of("ChangeInCapacity", null, null, null, null)).field());
        StringBuilder twenty = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            twenty.append(i).append(':').append(i + 1).append(":1 ");
        }
        twenty.append("19::1");
        assertEquals(20, config("ChangeInCapacity", twenty.toString()).stepAdjustments().size());
        String twentyOne = twenty.toString().replace("19::1", "19:20:1 20::1");
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> config("ChangeInCapacity", twentyOne));
        assertEquals(STEPS, error.field());
        assertTrue(error.getMessage().contains("up to 20"), error.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', textBlock = """
            ChangeInCapacity        ; 2  ; ; ; StepScalingPolicyConfiguration.MinAdjustmentMagnitude ; only for PercentChangeInCapacity
            ExactCapacity           ; 2  ; ; ; StepScalingPolicyConfiguration.MinAdjustmentMagnitude ; only for PercentChangeInCapacity
            PercentChangeInCapacity ; -1 ; ; ; StepScalingPolicyConfiguration.MinAdjustmentMagnitude ; at least 0
            PercentChangeInCapacity ;    ; -5 ; ; StepScalingPolicyConfiguration.Cooldown ; between 0 and 86400
            PercentChangeInCapacity ;    ; ; Median ; StepScalingPolicyConfiguration.MetricAggregationType ; Average, Minimum or Maximum
            Percent                 ;    ; ; ; StepScalingPolicyConfiguration.AdjustmentType ; must be ChangeInCapacity
            ;    ; ; ; StepScalingPolicyConfiguration.AdjustmentType ; is required
            """)
    void checksTheOtherMembers(String type, Integer magnitude, Integer cooldown, String aggregation, String field, String problem) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> StepScalingConfiguration.of(type, steps("0::10"), magnitude, cooldown, aggregation));
        assertEquals(field, error.field());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    /**
     * Bounds relative to the threshold (50). Above it lower is inclusive and upper exclusive, below it the
     * reverse; the steps of AWS's example: scale-out 0..10 → 0, 10..20 → 10, 20.. → 30 and scale-in
     * −10..0 → 0, −20..−10 → −10, ..−20 → −30.
     */
    @ParameterizedTest(name = "metric {0}")
    @CsvSource(textBlock = """
            50, 0, 0
            55, 0, 0
            59.99, 0, 0
            60, 10, 0
            69.9, 10, 0
            70, 30, 0
            1000, 30, 0
            49.5, , 0
            40.01, , 0
            40, , -10
            30.01, , -10
            30, , -30
            0, , -30
            """)
    void choosesTheStepRelativeToTheThreshold(double metric, Integer outAdjustment, int inAdjustment) {
        StepScalingConfiguration out = config("PercentChangeInCapacity", "0:10:0 10:20:10 20::30");
        StepScalingConfiguration in = config("PercentChangeInCapacity", "-10:0:0 -20:-10:-10 :-20:-30");
        assertEquals(Optional.ofNullable(outAdjustment), out.stepFor(metric, 50).map(StepAdjustment::scalingAdjustment));
        assertEquals(metric > 50 ? Optional.empty() : Optional.of(inAdjustment),
                in.stepFor(metric, 50).map(StepAdjustment::scalingAdjustment));
    }

    @Test
    void theDifferenceToTheThresholdIsExact() {
        StepScalingConfiguration out = config("ChangeInCapacity", "0:0.2:1 0.2::2");
        assertEquals(2, out.stepFor(0.3, 0.1).orElseThrow().scalingAdjustment());
        assertEquals(1, out.stepFor(0.29, 0.1).orElseThrow().scalingAdjustment());
    }

    @Test
    void aBoundSharedByTwoStepsBelongsToTheOneAwayFromTheThreshold() {
        StepScalingConfiguration both = config("ChangeInCapacity", ":-10:-2 -10:0:-1 0:10:1 10::2");
        assertEquals(2, both.stepFor(60, 50).orElseThrow().scalingAdjustment());
        assertEquals(-2, both.stepFor(40, 50).orElseThrow().scalingAdjustment());
        assertEquals(1, both.stepFor(50, 50).orElseThrow().scalingAdjustment());
        assertEquals(-1, both.stepFor(49, 50).orElseThrow().scalingAdjustment());
    }

    /** The capacity each adjustment type asks for from a count of 10 (AWS's examples, MinAdjustmentMagnitude 2). */
    @ParameterizedTest(name = "{0} {1} from {2}")
    @CsvSource(textBlock = """
            ChangeInCapacity, 5, 3, , 8
            ChangeInCapacity, -2, 3, , 1
            ChangeInCapacity, -5, 3, , 0
            ExactCapacity, 5, 3, , 5
            PercentChangeInCapacity, 10, 10, , 11
            PercentChangeInCapacity, 30, 11, , 14
            PercentChangeInCapacity, -10, 14, , 13
            PercentChangeInCapacity, -30, 13, , 10
            PercentChangeInCapacity, 25, 4, 2, 6
            PercentChangeInCapacity, 25, 40, 2, 50
            PercentChangeInCapacity, -25, 4, 2, 2
            PercentChangeInCapacity, -200, 4, , 0
            """)
    void capacityAfterAStep(String type, int adjustment, int capacity, Integer magnitude, int expected) {
        StepAdjustment step = new StepAdjustment(adjustment >= 0 || type.equals("ExactCapacity") ? 0.0 : null,
                adjustment >= 0 || type.equals("ExactCapacity") ? null : 0.0, adjustment);
        StepScalingConfiguration config = StepScalingConfiguration.of(type, List.of(step), magnitude, null, null);
        assertEquals(expected, config.capacityAfter(step, capacity));
    }

    @Test
    void aggregatesDatapoints() {
        assertEquals(20.0, MetricAggregationType.AVERAGE.aggregate(10, 20, 30));
        assertEquals(10.0, MetricAggregationType.MINIMUM.aggregate(10, 20, 30));
        assertEquals(30.0, MetricAggregationType.MAXIMUM.aggregate(10, 20, 30));
        assertEquals(Arrays.asList(MetricAggregationType.values()).size(), 3);
    }
}
