package dev.berth.autoscaler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target tracking's capacity: proportional to metric ÷ target, rounded on the side of availability. */
class TargetTrackingCapacityTest {

    @ParameterizedTest(name = "{0} tasks at {1} for {2} → {3}")
    @CsvSource(textBlock = """
            3, 70, 50, 5
            4, 60, 50, 5
            10, 60, 50, 12
            10, 51, 50, 11
            2, 100, 50, 4
            1, 99.9, 50, 2
            3, 50.1, 50, 4
            10, 0.3, 0.1, 30
            """)
    void addingRoundsTheCapacityUp(int tasks, double metric, double target, int expected) {
        assertEquals(expected, TargetTrackingCapacity.toAdd(tasks, metric, target));
    }

    @ParameterizedTest(name = "{0} tasks at {1} for {2} → {3}")
    @CsvSource(textBlock = """
            10, 30, 50, 6
            10, 32, 50, 7
            10, 22, 50, 5
            10, 20, 50, 4
            4, 10, 50, 1
            8, 0, 50, 0
            1, 0, 50, 0
            10, 0.3, 0.5, 6
            """)
    void removingRoundsTheTasksRemovedDown(int tasks, double metric, double target, int expected) {
        assertEquals(expected, TargetTrackingCapacity.toRemove(tasks, metric, target));
    }

    /** tasks × metric ÷ (tasks − 1) > target: removing one task would likely push the metric over the target. */
    @ParameterizedTest(name = "{0} tasks at {1} for {2}: {3}")
    @CsvSource(textBlock = """
            2, 40, 50, true
            2, 25, 50, false
            2, 25.1, 50, true
            3, 33, 50, false
            3, 34, 50, true
            10, 44, 50, false
            10, 45.1, 50, true
            1, 10, 50, true
            1, 0, 50, false
            """)
    void removingOneWouldExceedTheTarget(int tasks, double metric, double target, boolean expected) {
        assertEquals(expected, TargetTrackingCapacity.removingOneWouldExceedTarget(tasks, metric, target));
    }
}
