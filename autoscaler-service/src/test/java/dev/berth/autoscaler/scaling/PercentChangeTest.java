package dev.berth.autoscaler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PercentChangeInCapacity rounding, with the examples of AWS's user guide. */
class PercentChangeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            12.7, 12
            -6.67, -6
            0.4, 1
            -0.4, -1
            0.67, 1
            -0.58, -1
            1, 1
            -1, -1
            1.5, 1
            -1.5, -1
            3, 3
            0, 0
            """)
    void roundsAsAws(String change, int expected) {
        assertEquals(expected, PercentChange.round(new BigDecimal(change)));
    }

    @ParameterizedTest(name = "{1} % of {0} → {2}")
    @CsvSource(textBlock = """
            10, 10, 1
            11, 30, 3
            14, -10, -1
            13, -30, -3
            30, 10, 3
            127, 10, 12
            3, 10, 1
            3, -10, -1
            20, -33, -6
            0, 50, 0
            """)
    void changeOfTheCapacity(int capacity, int percent, int expected) {
        assertEquals(expected, PercentChange.of(capacity, percent));
    }

    @ParameterizedTest(name = "{0} with at least {1} → {2}")
    @CsvSource(textBlock = """
            1, 2, 2
            -1, 2, -2
            3, 2, 3
            -3, 2, -3
            0, 2, 0
            1, , 1
            """)
    void minAdjustmentMagnitude(int change, Integer magnitude, int expected) {
        assertEquals(expected, PercentChange.withMinimumMagnitude(change, magnitude));
    }
}
