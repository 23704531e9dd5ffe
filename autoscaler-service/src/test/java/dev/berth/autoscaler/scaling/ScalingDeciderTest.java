package dev.berth.autoscaler.scaling;

import static dev.berth.autoscaler.alarms.AlarmState.ALARM;
import static dev.berth.autoscaler.alarms.AlarmState.INSUFFICIENT_DATA;
import static dev.berth.autoscaler.alarms.AlarmState.OK;
import static dev.berth.autoscaler.scaling.Triggers.NOW;
import static dev.berth.autoscaler.scaling.Triggers.context;
import static dev.berth.autoscaler.scaling.Triggers.decide;
import static dev.berth.autoscaler.scaling.Triggers.step;
import static dev.berth.autoscaler.scaling.Triggers.target;
import static dev.berth.autoscaler.scaling.Triggers.tracking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.berth.autoscaler.alarms.AlarmState;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One evaluation of a target's policies: target tracking, bounds, suspension, deployments, several policies. */
class ScalingDeciderTest {

    private static int newCount(ScalingDecision decision) {
        return assertInstanceOf(ScalingDecision.Scale.class, decision).newCount();
    }

    private static NotScaledReason reason(ScalingDecision decision) {
        List<NotScaledReason> reasons = assertInstanceOf(ScalingDecision.NotScaled.class, decision).reasons();
        assertEquals(1, reasons.size());
        return reasons.getFirst();
    }

    /** Target tracking at 50 %: ⌈n × m ÷ 50⌉ adding, tasks removed rounded down, clamped to [min, max]. */
    @ParameterizedTest(name = "{2} tasks in [{0}, {1}], high {3}, low {4}, metric {5} → {6}")
    @CsvSource(textBlock = """
            1, 10, 3, ALARM, OK, 70, 5
            1, 15, 10, ALARM, OK, 60, 12
            1, 10, 8, ALARM, OK, 90, 10
            1, 10, 2, ALARM, OK, 51, 3
            1, 20, 10, OK, ALARM, 30, 6
            1, 20, 10, OK, ALARM, 32, 7
            1, 20, 10, OK, ALARM, 22, 5
            4, 20, 10, OK, ALARM, 10, 4
            0, 20, 4, OK, ALARM, 0, 0
            5, 10, 2, ALARM, OK, 60, 5
            5, 10, 3, ALARM, OK, 200, 10
            1, 5, 9, OK, ALARM, 44, 5
            1, 5, 9, OK, ALARM, 10, 2
            0, 5, 0, ALARM, OK, 60, 1
            """)
    void targetTrackingCapacity(int min, int max, int current, AlarmState high, AlarmState low, double metric, int expected) {
        ScalingDecision decision = decide(context(min, max, current), tracking("cpu50", 50, high, low, metric));
        ScalingDecision.Scale scale = assertInstanceOf(ScalingDecision.Scale.class, decision);
        assertEquals(expected, scale.newCount());
        assertEquals(expected > current ? ScalingDirection.OUT : ScalingDirection.IN, scale.direction());
    }

    @Test
    void theActivityIsWordedAsAws() {
        ScalingDecision.Scale scale = assertInstanceOf(ScalingDecision.Scale.class,
                decide(context(1, 10, 3), tracking("cpu50", 50, ALARM, OK, 70.0)));
        assertEquals("Setting desired count to 5.", scale.description());
        assertEquals("monitor alarm TargetTracking-service/default/web-AlarmHigh-cpu50 in state ALARM triggered policy cpu50",
                scale.cause());
        assertEquals("cpu50", scale.policyName());
        assertEquals(ActivityStatusCode.PENDING, scale.statusCode());
        assertEquals(2, scale.change());
        assertEquals("Successfully set desired count to 5. Change successfully fulfilled by ecs.", ActivityTexts.fulfilled(5));
        assertEquals("Successfully set desired count to 5. Waiting for change to be fulfilled by ecs.",
                ActivityTexts.waitingForService(5));
    }

    /** No scale-in when removing one task would likely push the metric over the target. */
    @ParameterizedTest(name = "{0} tasks at {1}")
    @CsvSource(textBlock = """
            2, 40
            3, 44
            10, 45.1
            1, 10
            """)
    void noScaleInThatWouldPushTheMetricOverTheTarget(int current, double metric) {
        ScalingDecision decision = decide(context(0, 20, current), tracking("cpu50", 50, OK, ALARM, metric));
        ScalingDecision.NotScaled notScaled = assertInstanceOf(ScalingDecision.NotScaled.class, decision);
        assertEquals(List.of(NotScaledReason.anticipatedFlapping(current)), notScaled.reasons());
        assertEquals("AutoScalingAnticipatedFlapping", notScaled.reasons().getFirst().code().awsName());
        assertEquals("Attempting to scale due to alarm triggered", notScaled.description());
        assertEquals(ActivityStatusCode.FAILED, notScaled.statusCode());
    }

    @Test
    void insufficientDataNeverScales() {
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.INSUFFICIENT_DATA),
                decide(context(1, 10, 3), tracking("cpu50", 50, INSUFFICIENT_DATA, INSUFFICIENT_DATA, null)));
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.INSUFFICIENT_DATA),
                decide(context(1, 10, 3), tracking("cpu50", 50, ALARM, OK, null)));
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.NOT_TRIGGERED),
                decide(context(1, 10, 3), tracking("cpu50", 50, OK, OK, 48.0)));
    }

    @Test
    void disableScaleInIgnoresTheLowSide() {
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.NOT_TRIGGERED),
                decide(context(1, 10, 8), tracking("cpu50", 50, OK, ALARM, 10.0, true)));
        assertEquals(10, newCount(decide(context(1, 10, 8), tracking("cpu50", 50, ALARM, OK, 70.0, true))));
    }

    /**
     * Bounds: a scale-out below min jumps to min and goes on; a scale-in below min does nothing; mirror for
     * max. Step policy, ChangeInCapacity ±2 on an alarm with threshold 50.
     */
    @ParameterizedTest(name = "{2} tasks in [{0}, {1}], {3} → {4}")
    @CsvSource(textBlock = """
            3, 10, 1, +2, 5, 
            3, 10, 1, -2, , AlreadyAtMinCapacity
            3, 10, 3, -2, , AlreadyAtMinCapacity
            3, 10, 4, -2, 3, 
            3, 10, 12, -2, 8, 
            3, 10, 12, +2, , AlreadyAtMaxCapacity
            3, 10, 10, +2, , AlreadyAtMaxCapacity
            3, 10, 9, +2, 10, 
            0, 10, 0, +2, 2, 
            """)
    void capacityBounds(int min, int max, int current, String adjustment, Integer expected, String reason) {
        int change = Integer.parseInt(adjustment.replace("+", ""));
        PolicyTrigger.Step policy = change > 0 ? step("out", "ChangeInCapacity", "0::" + change, 50, 70)
                : step("in", "ChangeInCapacity", ":0:" + change, 50, 30);
        ScalingDecision decision = decide(context(min, max, current), policy);
        if (expected != null) {
            assertEquals(expected, newCount(decision));
            return;
        }
        NotScaledReason notScaled = reason(decision);
        assertEquals(reason, notScaled.code().awsName());
        if (reason.equals("AlreadyAtMaxCapacity")) {
            assertEquals(NotScaledReason.atMax(max), notScaled);
        } else {
            assertEquals(NotScaledReason.atMin(min), notScaled);
        }
    }

    @Test
    void targetTrackingBelowMinJumpsToMinAndGoesOn() {
        assertEquals(5, newCount(decide(context(5, 20, 2), tracking("cpu50", 50, ALARM, OK, 60.0))));
        assertEquals(9, newCount(decide(context(5, 20, 6), tracking("cpu50", 50, ALARM, OK, 70.0))));
        assertEquals(NotScaledReason.atMin(5), reason(decide(context(5, 20, 2), tracking("cpu50", 50, OK, ALARM, 10.0))));
        assertEquals(NotScaledReason.atMax(4), reason(decide(context(1, 4, 6), tracking("cpu50", 50, ALARM, OK, 90.0))));
    }

    @Test
    void aComputedCapacityEqualToTheCurrentOneIsAlreadyAtDesiredCapacity() {
        ScalingDecision decision = decide(context(1, 10, 4), step("exact", "ExactCapacity", "0::4", 50, 60));
        assertEquals(NotScaledReason.atDesired(4), reason(decision));
    }

    @Test
    void scaleInIsOffDuringADeploymentAndScaleOutGoesOn() {
        ScalingContext deploying = new ScalingContext(target(1, 20), 10, true, CooldownState.NONE, NOW);
        assertEquals(NotScaledReason.unscalable(10), reason(decide(deploying, tracking("cpu50", 50, OK, ALARM, 20.0))));
        assertEquals("TargetServicePutResourceAsUnscalable", reason(decide(deploying,
                step("in", "ChangeInCapacity", ":0:-1", 50, 30))).code().awsName());
        assertEquals(14, newCount(decide(deploying, tracking("cpu50", 50, ALARM, OK, 70.0))));
    }

    @ParameterizedTest(name = "in {0}, out {1}, scheduled {2}")
    @CsvSource(textBlock = """
            true, false, false, false, true
            false, true, false, true, false
            true, true, false, false, false
            false, false, true, true, true
            """)
    void suspendedStateStopsItsDirection(boolean in, boolean out, boolean scheduled, boolean scalesIn, boolean scalesOut) {
        ScalableTarget target = ScalableTarget.register(null, Triggers.WEB, 1, 20, in, out, scheduled);
        ScalingContext context = new ScalingContext(target, 10, false, CooldownState.NONE, NOW);
        ScalingDecision scaleIn = decide(context, tracking("cpu50", 50, OK, ALARM, 20.0));
        ScalingDecision scaleOut = decide(context, tracking("cpu50", 50, ALARM, OK, 70.0));
        assertEquals(scalesIn, scaleIn instanceof ScalingDecision.Scale, scaleIn.toString());
        assertEquals(scalesOut, scaleOut instanceof ScalingDecision.Scale, scaleOut.toString());
        if (!scalesIn) {
            assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.SUSPENDED), scaleIn);
        }
    }

    /**
     * Several policies (10 tasks in [1, 30], cpu50 and mem70 target tracking): scale out if any says so, the
     * largest capacity winning; scale in only if all with scale-in enabled say so.
     */
    @ParameterizedTest(name = "cpu {0}/{1} at {2}, mem {3}/{4} at {5} → {6}")
    @CsvSource(textBlock = """
            ALARM, OK, 60, OK, OK, 60, 12, cpu50
            ALARM, OK, 60, ALARM, OK, 91, 13, mem70
            ALARM, OK, 80, ALARM, OK, 91, 16, cpu50
            ALARM, OK, 60, OK, ALARM, 20, 12, cpu50
            OK, ALARM, 20, OK, OK, 60, ,
            OK, ALARM, 20, OK, ALARM, 35, 5, mem70
            OK, ALARM, 30, OK, ALARM, 14, 6, cpu50
            OK, ALARM, 20, INSUFFICIENT_DATA, INSUFFICIENT_DATA, , ,
            """)
    void severalTargetTrackingPolicies(AlarmState cpuHigh, AlarmState cpuLow, Double cpu, AlarmState memHigh,
            AlarmState memLow, Double mem, Integer expected, String winner) {
        ScalingDecision decision = decide(context(1, 30, 10), tracking("cpu50", 50, cpuHigh, cpuLow, cpu),
                tracking("mem70", 70, memHigh, memLow, mem));
        if (expected == null) {
            assertInstanceOf(ScalingDecision.NoAction.class, decision);
            return;
        }
        ScalingDecision.Scale scale = assertInstanceOf(ScalingDecision.Scale.class, decision);
        assertEquals(expected, scale.newCount());
        assertEquals(winner, scale.policyName());
    }

    @Test
    void aPolicyWithScaleInDisabledDoesNotHoldTheOthersBack() {
        ScalingDecision decision = decide(context(1, 30, 10), tracking("cpu50", 50, OK, ALARM, 20.0),
                tracking("mem70", 70, OK, OK, 60.0, true));
        assertEquals(4, newCount(decision));
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.NOT_ALL_POLICIES_AGREE),
                decide(context(1, 30, 10), tracking("cpu50", 50, OK, ALARM, 20.0), tracking("mem70", 70, OK, OK, 60.0)));
    }

    @Test
    void stepAndTargetTrackingTogether() {
        // the step policy's +30 % (13) beats target tracking's 12
        ScalingDecision out = decide(context(1, 30, 10), tracking("cpu50", 50, ALARM, OK, 60.0),
                step("burst", "PercentChangeInCapacity", "0::30", 80, 85));
        assertEquals(13, newCount(out));
        assertEquals("burst", assertInstanceOf(ScalingDecision.Scale.class, out).policyName());
        // a step scale-in is not held back by a target tracking policy that is not ready to scale in
        ScalingDecision in = decide(context(1, 30, 10), tracking("cpu50", 50, OK, OK, 48.0),
                step("quiet", "ChangeInCapacity", ":0:-2", 20, 10));
        assertEquals(8, newCount(in));
        // any scale-out beats every scale-in
        assertEquals(12, newCount(decide(context(1, 30, 10), tracking("cpu50", 50, ALARM, OK, 60.0),
                step("quiet", "ChangeInCapacity", ":0:-2", 20, 10))));
    }

    /** AWS's step example: threshold 50, PercentChangeInCapacity, from 10 tasks. */
    @Test
    void awsStepExampleOutOfCooldown() {
        PolicyTrigger.Step at60 = step("out", "PercentChangeInCapacity", "0:10:0 10:20:10 20::30", 50, 60);
        PolicyTrigger.Step at70 = step("out", "PercentChangeInCapacity", "0:10:0 10:20:10 20::30", 50, 70);
        PolicyTrigger.Step at40 = step("in", "PercentChangeInCapacity", "-10:0:0 -20:-10:-10 :-20:-30", 50, 40);
        PolicyTrigger.Step at30 = step("in", "PercentChangeInCapacity", "-10:0:0 -20:-10:-10 :-20:-30", 50, 30);
        PolicyTrigger.Step at45 = step("in", "PercentChangeInCapacity", "-10:0:0 -20:-10:-10 :-20:-30", 50, 45);
        assertEquals(11, newCount(decide(context(1, 30, 10), at60)));
        assertEquals(14, newCount(decide(context(1, 30, 11), at70)));
        assertEquals(13, newCount(decide(context(1, 30, 14), at40)));
        assertEquals(10, newCount(decide(context(1, 30, 13), at30)));
        assertEquals(new ScalingDecision.NoAction(ScalingDecision.Why.NOT_TRIGGERED), decide(context(1, 30, 10), at45));
    }
}
