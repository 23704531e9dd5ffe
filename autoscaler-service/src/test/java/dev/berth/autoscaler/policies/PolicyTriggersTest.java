package dev.berth.autoscaler.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.autoscaler.alarms.AlarmSnapshot;
import dev.berth.autoscaler.alarms.AlarmState;
import dev.berth.autoscaler.scaling.AlarmReading;
import dev.berth.autoscaler.scaling.PolicyTrigger;
import dev.berth.autoscaler.scaling.PolicyType;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the decider reads of a target's policies and their alarms. */
class PolicyTriggersTest {

    private static final ScalableTargetId TARGET = ScalableTargetId.ecsService("default", "web");

    private static StoredPolicy tracking(String name, Boolean disableScaleIn, List<String> alarms) {
        return new StoredPolicy("acme", TARGET, name, "arn:" + name, PolicyType.TARGET_TRACKING_SCALING,
                new PolicyMessages.TargetTrackingScalingPolicyConfiguration(50.0,
                        new PolicyMessages.PredefinedMetricSpecification("ECSServiceAverageCPUUtilization", null), null, null,
                        null, disableScaleIn), null, alarms, Instant.EPOCH);
    }

    private static StoredPolicy step(String name, String aggregation) {
        return new StoredPolicy("acme", TARGET, name, "arn:" + name, PolicyType.STEP_SCALING, null,
                new PolicyMessages.StepScalingPolicyConfiguration("ChangeInCapacity",
                        List.of(new PolicyMessages.StepAdjustment(0.0, null, 1)), null, null, aggregation), List.of(), Instant.EPOCH);
    }

    private static AlarmSnapshot alarm(String name, AlarmState state, double threshold, List<String> actions, Double... values) {
        return new AlarmSnapshot(name, state, threshold, actions, List.of(values));
    }

    @Test
    void targetTrackingReadsItsOwnAlarmsLatestDatapoint() {
        List<PolicyTrigger> triggers = PolicyTriggers.of(List.of(tracking("cpu", null, List.of("high", "low"))),
                List.of(alarm("high", AlarmState.ALARM, 50, List.of("arn:cpu"), 60.0, 70.0, 80.0),
                        alarm("low", AlarmState.OK, 45, List.of("arn:cpu"), 60.0, 70.0)));
        PolicyTrigger.TargetTracking trigger = assertInstanceOf(PolicyTrigger.TargetTracking.class, triggers.getFirst());
        assertEquals(new AlarmReading("high", AlarmState.ALARM, 50, 80.0), trigger.high());
        assertEquals(new AlarmReading("low", AlarmState.OK, 45, 70.0), trigger.low());
    }

    @Test
    void withoutScaleInThereIsNoLowAlarm() {
        PolicyTrigger.TargetTracking trigger = assertInstanceOf(PolicyTrigger.TargetTracking.class,
                PolicyTriggers.of(List.of(tracking("cpu", true, List.of("high"))),
                        List.of(alarm("high", AlarmState.OK, 50, List.of("arn:cpu")))).getFirst());
        assertEquals(new AlarmReading("high", AlarmState.OK, 50, null), trigger.high());
        assertNull(trigger.low());
    }

    @Test
    void aPolicyWhoseAlarmIsGoneTakesNoPart() {
        assertEquals(List.of(), PolicyTriggers.of(List.of(tracking("cpu", null, List.of("high", "low"))),
                List.of(alarm("high", AlarmState.ALARM, 50, List.of("arn:cpu"), 80.0))));
    }

    @Test
    void stepScalingReadsEachAlarmActingOnItWithItsAggregation() {
        List<PolicyTrigger> triggers = PolicyTriggers.of(List.of(step("out", "Maximum"), step("idle", null)),
                List.of(alarm("busy", AlarmState.ALARM, 70, List.of("arn:out", "arn:sns"), 75.0, 90.0, 80.0),
                        alarm("other", AlarmState.OK, 10, List.of("arn:sns"), 1.0)));
        assertEquals(1, triggers.size(), "a step policy no alarm acts on takes no part");
        PolicyTrigger.Step trigger = assertInstanceOf(PolicyTrigger.Step.class, triggers.getFirst());
        assertEquals("out", trigger.policyName());
        assertEquals(new AlarmReading("busy", AlarmState.ALARM, 70, 90.0), trigger.alarm());
    }

    @Test
    void stepScalingAveragesByDefaultAndReadsNothingWithoutData() {
        AlarmSnapshot busy = alarm("busy", AlarmState.ALARM, 70, List.of("arn:out"), 75.0, 90.0, 81.0);
        assertEquals(82.0, PolicyTriggers.aggregated(busy, step("out", null).configuration() instanceof PolicyConfiguration.Step s
                ? s.configuration() : null).metricValue());
        AlarmSnapshot empty = alarm("busy", AlarmState.ALARM, 70, List.of("arn:out"));
        PolicyTrigger.Step trigger = assertInstanceOf(PolicyTrigger.Step.class,
                PolicyTriggers.of(List.of(step("out", null)), List.of(empty)).getFirst());
        assertNull(trigger.alarm().metricValue());
    }
}
