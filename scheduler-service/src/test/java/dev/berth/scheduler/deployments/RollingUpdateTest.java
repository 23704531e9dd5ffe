package dev.berth.scheduler.deployments;

import dev.berth.common.error.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.scheduler.deployments.RollingUpdate.Fleet;
import dev.berth.scheduler.deployments.RollingUpdate.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rolling deployments round by round, with the examples of ECS's documentation. */
class RollingUpdateTest {

    /**
     * One task, 100/200: "the new task launches before the old task terminates".
     * Two tasks, 50/100: "terminate one task, launch its replacement, and then do the same with the other task".
     */
    @ParameterizedTest(name = "desired {0}, {1}/{2}, fleet {3}/{4}/{5}/{6}")
    @CsvSource(textBlock = """
            # desired, min, max, oldRun, oldPend, newRun, newPend, stopOldPend, stopOldRun, startNew, stopNewPend, stopNewRun, complete, blocked
            1, 100, 200, 1, 0, 0, 0,   0, 0, 1, 0, 0, false, false
            1, 100, 200, 1, 0, 0, 1,   0, 0, 0, 0, 0, false, false
            1, 100, 200, 1, 0, 1, 0,   0, 1, 0, 0, 0, false, false
            1, 100, 200, 0, 0, 1, 0,   0, 0, 0, 0, 0, true,  false
            2,  50, 100, 2, 0, 0, 0,   0, 1, 1, 0, 0, false, false
            2,  50, 100, 1, 0, 0, 1,   0, 0, 0, 0, 0, false, false
            2,  50, 100, 1, 0, 1, 0,   0, 1, 1, 0, 0, false, false
            2,  50, 100, 0, 0, 1, 1,   0, 0, 0, 0, 0, false, false
            2,  50, 100, 0, 0, 2, 0,   0, 0, 0, 0, 0, true,  false
            4, 100, 200, 4, 0, 0, 0,   0, 0, 4, 0, 0, false, false
            4,  50, 150, 4, 0, 0, 0,   0, 2, 4, 0, 0, false, false
            4,   0, 100, 4, 0, 0, 0,   0, 4, 4, 0, 0, false, false
            3, 100, 200, 2, 1, 0, 0,   1, 0, 3, 0, 0, false, false
            1, 100, 100, 1, 0, 0, 0,   0, 0, 0, 0, 0, false, true
            1,  50, 100, 1, 0, 0, 0,   0, 0, 0, 0, 0, false, true
            2, 100, 200, 0, 0, 3, 1,   0, 0, 0, 1, 1, false, false
            0, 100, 200, 2, 0, 0, 0,   0, 2, 0, 0, 0, false, false
            """)
    void oneRound(int desired, int min, int max, int oldRunning, int oldPending, int newRunning, int newPending,
                  int stopOldPending, int stopOldRunning, int startNew, int stopNewPending, int stopNewRunning,
                  boolean complete, boolean blocked) {
        Step step = RollingUpdate.next(desired, new DeploymentConfiguration(min, max),
                new Fleet(oldRunning, oldPending, newRunning, newPending));
        assertEquals(new Step(stopOldPending, stopOldRunning, startNew, stopNewPending, stopNewRunning, complete, blocked), step);
    }

    @Test
    void aWholeDeploymentNeverLeavesTheBounds() {
        for (int desired = 1; desired <= 12; desired++) {
            for (int[] bounds : new int[][] {{100, 200}, {50, 100}, {50, 150}, {0, 100}, {75, 125}, {90, 110}}) {
                DeploymentConfiguration config = new DeploymentConfiguration(bounds[0], bounds[1]);
                int oldRunning = desired;
                int newRunning = 0;
                for (int round = 0; round < 100; round++) {
                    Step step = RollingUpdate.next(desired, config, new Fleet(oldRunning, 0, newRunning, 0));
                    if (step.complete() || step.blocked()) {
                        break;
                    }
                    oldRunning -= step.stopOldRunning();
                    assertTrue(oldRunning + newRunning >= Math.min(config.lowerBound(desired), desired), "below the lower bound");
                    newRunning += step.startNew(); // new tasks become healthy by the next round
                    assertTrue(oldRunning + newRunning <= config.upperBound(desired), "above the upper bound");
                }
                boolean stuck = config.upperBound(desired) == config.lowerBound(desired);
                if (!stuck) {
                    assertEquals(0, oldRunning, desired + " tasks, " + bounds[0] + "/" + bounds[1]);
                    assertEquals(desired, newRunning);
                }
            }
        }
    }

    /** desiredCount × maximumPercent passes Integer.MAX_VALUE: 5,000 tasks at 500,000 %, or 20 million at 200 %. */
    @ParameterizedTest(name = "desired {0}, 100/{1}")
    @CsvSource({"5000, 500000", "20000000, 200", "1073741824, 200"})
    void largeBoundsDoNotOverflow(int desired, int maximumPercent) {
        DeploymentConfiguration config = new DeploymentConfiguration(100, maximumPercent);
        assertTrue(config.upperBound(desired) >= desired, "upper bound " + config.upperBound(desired));
        assertEquals(desired, config.lowerBound(desired));
        Step step = RollingUpdate.next(desired, config, new Fleet(desired, 0, 0, 0));
        assertEquals(new Step(0, 0, Math.min(desired, config.upperBound(desired) - desired), 0, 0, false, false), step);
        assertTrue(step.startNew() > 0);
    }

    /** A deployment the circuit breaker failed for good starts nothing and keeps what runs, down to the desired count. */
    @ParameterizedTest(name = "desired {0}, fleet {1}/{2}/{3}/{4}")
    @CsvSource(textBlock = """
            # desired, oldRun, oldPend, newRun, newPend, stopOldPend, stopOldRun, stopNewPend, stopNewRun, blocked
            2, 2, 0, 0, 0,   0, 0, 0, 0, true
            2, 0, 0, 0, 0,   0, 0, 0, 0, true
            2, 1, 0, 0, 1,   0, 0, 0, 0, true
            2, 2, 1, 0, 1,   1, 0, 1, 0, false
            0, 2, 1, 1, 1,   1, 2, 1, 1, false
            1, 2, 0, 1, 0,   0, 2, 0, 0, false
            """)
    void aHaltedDeploymentLaunchesNothing(int desired, int oldRunning, int oldPending, int newRunning, int newPending,
                                          int stopOldPending, int stopOldRunning, int stopNewPending, int stopNewRunning,
                                          boolean blocked) {
        Step step = RollingUpdate.halted(desired, new Fleet(oldRunning, oldPending, newRunning, newPending));
        assertEquals(new Step(stopOldPending, stopOldRunning, 0, stopNewPending, stopNewRunning, false, blocked), step);
    }

    @Test
    void boundsAreValidated() {
        InvalidInputException min = assertThrows(InvalidInputException.class, () -> new DeploymentConfiguration(101, 200));
        assertTrue(min.getMessage().startsWith("deploymentConfiguration.minimumHealthyPercent"));
        InvalidInputException max = assertThrows(InvalidInputException.class, () -> new DeploymentConfiguration(50, 90));
        assertTrue(max.getMessage().startsWith("deploymentConfiguration.maximumPercent"));
    }
}
