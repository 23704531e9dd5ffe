package dev.berth.autoscaler.scaling;

import static dev.berth.autoscaler.alarms.AlarmState.ALARM;
import static dev.berth.autoscaler.alarms.AlarmState.OK;
import static dev.berth.autoscaler.scaling.Triggers.NOW;
import static dev.berth.autoscaler.scaling.Triggers.decide;
import static dev.berth.autoscaler.scaling.Triggers.step;
import static dev.berth.autoscaler.scaling.Triggers.target;
import static dev.berth.autoscaler.scaling.Triggers.tracking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cooldowns (300 s by default): what a scale-out in cooldown counts, what a scale-in waits for. */
class CooldownTest {

    private static ScalingContext at(int current, CooldownState cooldowns, Instant now) {
        return new ScalingContext(target(1, 30), current, false, cooldowns, now);
    }

    private static ScalingDecision.Scale scale(ScalingDecision decision) {
        return assertInstanceOf(ScalingDecision.Scale.class, decision);
    }

    /** +2 (5 → 7), then within the cooldown a +3 step: the 2 count, so only 1 is added (8). */
    @ParameterizedTest(name = "+{1} {0} s after +2")
    @CsvSource(textBlock = """
            60, 3, 8
            299, 3, 8
            300, 3, 10
            60, 5, 10
            600, 1, 8
            """)
    void theLastScaleOutCountsTowardTheNextOneDuringItsCooldown(int secondsLater, int adjustment, int expected) {
        PolicyTrigger.Step plusTwo = step("out", "ChangeInCapacity", "0::2", 50, 60);
        ScalingDecision.Scale first = scale(decide(at(5, CooldownState.NONE, NOW), plusTwo));
        assertEquals(7, first.newCount());
        CooldownState cooldowns = CooldownState.NONE.after(first, NOW);
        assertEquals(new CooldownState(NOW, 2, null), cooldowns);

        PolicyTrigger.Step next = step("out", "ChangeInCapacity", "0::" + adjustment, 50, 60);
        ScalingDecision.Scale second = scale(decide(at(7, cooldowns, NOW.plusSeconds(secondsLater)), next));
        assertEquals(expected, second.newCount());
    }

    @Test
    void aSmallerScaleOutDuringTheCooldownWaits() {
        CooldownState cooldowns = new CooldownState(NOW, 2, null);
        PolicyTrigger.Step plusOne = step("out", "ChangeInCapacity", "0::1", 50, 60);
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.COOLDOWN), decide(at(7, cooldowns, NOW.plusSeconds(60)), plusOne));
    }

    @Test
    void scaleOutsWithinACooldownAddUp() {
        ScalingDecision.Scale first = scale(decide(at(5, CooldownState.NONE, NOW), step("out", "ChangeInCapacity", "0::2", 50, 60)));
        CooldownState afterFirst = CooldownState.NONE.after(first, NOW);
        Instant later = NOW.plusSeconds(60);
        ScalingDecision.Scale second = scale(decide(at(7, afterFirst, later), step("out", "ChangeInCapacity", "0::3", 50, 60)));
        CooldownState afterSecond = afterFirst.after(second, later);
        assertEquals(new CooldownState(later, 3, null), afterSecond);
        // +4 after +2 and +1 within the cooldown adds 1 more
        assertEquals(9, scale(decide(at(8, afterSecond, later.plusSeconds(60)), step("out", "ChangeInCapacity", "0::4", 50, 60))).newCount());
    }

    @Test
    void targetTrackingInCooldownComputesFromTheCountTheMetricStillReflects() {
        // 4 → 6 at 75 % for a target of 50; a minute later the metric still reads 75 %: 4 × 1.5 = 6, nothing more
        CooldownState cooldowns = new CooldownState(NOW, 2, null);
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.COOLDOWN),
                decide(at(6, cooldowns, NOW.plusSeconds(60)), tracking("cpu50", 50, ALARM, OK, 75.0)));
        // at 100 % the load needs 8
        assertEquals(8, scale(decide(at(6, cooldowns, NOW.plusSeconds(60)), tracking("cpu50", 50, ALARM, OK, 100.0))).newCount());
        // after the cooldown the current count is the base again
        assertEquals(9, scale(decide(at(6, cooldowns, NOW.plusSeconds(300)), tracking("cpu50", 50, ALARM, OK, 75.0))).newCount());
    }

    @Test
    void aScaleInWaitsForItsCooldown() {
        ScalingDecision.Scale in = scale(decide(at(10, CooldownState.NONE, NOW), tracking("cpu50", 50, OK, ALARM, 20.0)));
        assertEquals(4, in.newCount());
        CooldownState cooldowns = CooldownState.NONE.after(in, NOW);
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.COOLDOWN),
                decide(at(4, cooldowns, NOW.plusSeconds(299)), tracking("cpu50", 50, OK, ALARM, 10.0)));
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.COOLDOWN),
                decide(at(4, cooldowns, NOW.plusSeconds(100)), step("in", "ChangeInCapacity", ":0:-1", 50, 30)));
        assertEquals(1, scale(decide(at(4, cooldowns, NOW.plusSeconds(300)), tracking("cpu50", 50, OK, ALARM, 10.0))).newCount());
    }

    @Test
    void aScaleOutHappensAtOnceAndEndsTheScaleInCooldown() {
        CooldownState afterScaleIn = new CooldownState(null, 0, NOW);
        ScalingDecision.Scale out = scale(decide(at(4, afterScaleIn, NOW.plusSeconds(30)), tracking("cpu50", 50, ALARM, OK, 90.0)));
        assertEquals(8, out.newCount());
        CooldownState afterOut = afterScaleIn.after(out, NOW.plusSeconds(30));
        assertEquals(new CooldownState(NOW.plusSeconds(30), 4, null), afterOut);
        // the scale-in cooldown is over: a scale-in may follow at once
        assertEquals(4, scale(decide(at(8, afterOut, NOW.plusSeconds(60)), tracking("cpu50", 50, OK, ALARM, 20.0))).newCount());
    }

    @Test
    void aScaleInKeepsTheScaleOutReference() {
        CooldownState afterOut = new CooldownState(NOW, 2, null);
        ScalingDecision.Scale in = scale(decide(at(7, afterOut, NOW.plusSeconds(10)), step("in", "ChangeInCapacity", ":0:-1", 50, 30)));
        CooldownState afterIn = afterOut.after(in, NOW.plusSeconds(10));
        assertEquals(new CooldownState(NOW, 2, NOW.plusSeconds(10)), afterIn);
    }

    @Test
    void eachPolicyMeasuresWithItsOwnCooldown() {
        CooldownState afterIn = new CooldownState(null, 0, NOW);
        StepScalingConfiguration shortCooldown = StepScalingConfiguration.of("ChangeInCapacity",
                StepScalingConfigurationTest.steps(":0:-1"), null, 60, null);
        PolicyTrigger.Step quick = new PolicyTrigger.Step("quick", shortCooldown,
                new AlarmReading("quick-alarm", ALARM, 50, 30.0));
        assertEquals(Duration.ofSeconds(60), shortCooldown.cooldown());
        assertEquals(5, scale(decide(at(6, afterIn, NOW.plusSeconds(61)), quick)).newCount());
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.COOLDOWN),
                decide(at(6, afterIn, NOW.plusSeconds(59)), quick));
    }
}
