package dev.berth.autoscaler.scaling;

import dev.berth.autoscaler.alarms.AlarmState;
import java.util.ArrayList;
import java.util.List;

/**
 * The proposals of every policy of a target at one evaluation, and what held the others back: the input
 * of {@link ScalingDecider}'s combination.
 */
final class PolicyEvaluation {

    final List<PolicyProposal> scaleOuts = new ArrayList<>();
    final List<PolicyProposal> targetTrackingScaleIns = new ArrayList<>();
    final List<PolicyProposal> stepScaleIns = new ArrayList<>();
    /** A target tracking policy with scale-in enabled that does not ask for scale-in now. */
    boolean targetTrackingScaleInHeld;
    boolean insufficientData;
    boolean scaleInCooldown;

    static PolicyEvaluation of(ScalingContext context, List<PolicyTrigger> triggers) {
        PolicyEvaluation evaluation = new PolicyEvaluation();
        for (PolicyTrigger trigger : triggers) {
            switch (trigger) {
                case PolicyTrigger.TargetTracking tracking -> evaluation.targetTracking(context, tracking);
                case PolicyTrigger.Step step -> evaluation.step(context, step);
            }
        }
        return evaluation;
    }

    private void targetTracking(ScalingContext context, PolicyTrigger.TargetTracking trigger) {
        TargetTrackingConfiguration config = trigger.configuration();
        AlarmReading high = trigger.high();
        AlarmReading low = config.scaleInEnabled() ? trigger.low() : null;
        boolean holdsScaleIn = config.scaleInEnabled();
        if (high.state() == AlarmState.INSUFFICIENT_DATA || (low != null && low.state() == AlarmState.INSUFFICIENT_DATA)) {
            insufficientData = true;
        } else if (high.inAlarm()) {
            if (high.metricValue() == null) {
                insufficientData = true;
            } else {
                scaleOuts.add(targetTrackingScaleOut(context, trigger, high));
            }
        } else if (low != null && low.inAlarm()) {
            if (low.metricValue() == null) {
                insufficientData = true;
            } else if (context.cooldowns().scaleInWaits(context.now(), config.scaleInCooldown())) {
                scaleInCooldown = true;
            } else {
                targetTrackingScaleIns.add(targetTrackingScaleIn(context, trigger, low));
                holdsScaleIn = false;
            }
        }
        targetTrackingScaleInHeld |= holdsScaleIn;
    }

    private static PolicyProposal targetTrackingScaleOut(ScalingContext context, PolicyTrigger.TargetTracking trigger,
            AlarmReading high) {
        TargetTrackingConfiguration config = trigger.configuration();
        int counted = context.cooldowns().countedScaleOut(context.now(), config.scaleOutCooldown());
        int from = Math.max(0, context.currentCount() - counted);
        int capacity = TargetTrackingCapacity.toAdd(from, high.metricValue(), config.targetValue());
        if (from == 0) {
            // Berth: a service at zero tasks whose metric is over the target (a queue, requests) gets a task.
            capacity = Math.max(capacity, 1);
        }
        capacity = Math.max(capacity, context.range().min());
        return new PolicyProposal(ScalingDirection.OUT, capacity, from, counted > 0, false, true, trigger.policyName(),
                high.alarmName());
    }

    private static PolicyProposal targetTrackingScaleIn(ScalingContext context, PolicyTrigger.TargetTracking trigger,
            AlarmReading low) {
        TargetTrackingConfiguration config = trigger.configuration();
        int current = context.currentCount();
        boolean flapping = current > 0
                && TargetTrackingCapacity.removingOneWouldExceedTarget(current, low.metricValue(), config.targetValue());
        int capacity = flapping ? current : TargetTrackingCapacity.toRemove(current, low.metricValue(), config.targetValue());
        capacity = Math.min(capacity, context.range().max());
        return new PolicyProposal(ScalingDirection.IN, capacity, current, false, flapping, true, trigger.policyName(),
                low.alarmName());
    }

    private void step(ScalingContext context, PolicyTrigger.Step trigger) {
        AlarmReading alarm = trigger.alarm();
        if (!alarm.inAlarm()) {
            insufficientData |= alarm.state() == AlarmState.INSUFFICIENT_DATA;
            return;
        }
        if (alarm.metricValue() == null) {
            insufficientData = true;
            return;
        }
        StepScalingConfiguration config = trigger.configuration();
        StepAdjustment step = config.stepFor(alarm.metricValue(), alarm.threshold()).orElse(null);
        if (step == null || (step.scalingAdjustment() == 0 && config.adjustmentType() != AdjustmentType.EXACT_CAPACITY)) {
            return;
        }
        int current = context.currentCount();
        CapacityRange range = context.range();
        boolean out = config.adjustmentType() == AdjustmentType.EXACT_CAPACITY
                ? step.scalingAdjustment() >= current : step.scalingAdjustment() > 0;
        if (out) {
            int counted = config.adjustmentType() == AdjustmentType.EXACT_CAPACITY ? 0
                    : context.cooldowns().countedScaleOut(context.now(), config.cooldown());
            int from = Math.max(0, current - counted);
            // Below the minimum a scale-out first jumps to the minimum, then applies the step from there.
            int capacity = config.capacityAfter(step, Math.max(from, range.min()));
            scaleOuts.add(new PolicyProposal(ScalingDirection.OUT, capacity, from, counted > 0, false, false,
                    trigger.policyName(), alarm.alarmName()));
        } else if (context.cooldowns().scaleInWaits(context.now(), config.cooldown())) {
            scaleInCooldown = true;
        } else {
            // Above the maximum a scale-in first comes down to the maximum, then applies the step from there.
            int capacity = config.capacityAfter(step, Math.min(current, range.max()));
            stepScaleIns.add(new PolicyProposal(ScalingDirection.IN, capacity, current, false, false, false,
                    trigger.policyName(), alarm.alarmName()));
        }
    }
}
