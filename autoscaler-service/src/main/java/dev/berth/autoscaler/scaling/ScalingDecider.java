package dev.berth.autoscaler.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what a scalable target does at one evaluation of all its policies (alarms of scaling policies
 * repeat their action every minute while in ALARM). The rules, in order:
 * <ol>
 * <li>each policy proposes: target tracking from its high alarm (scale out) or low alarm (scale in),
 *     never on INSUFFICIENT_DATA; step scaling from the step its metric falls in;</li>
 * <li>cooldowns: a scale-in waits for the scale-in cooldown; a scale-out in its cooldown counts the tasks
 *     the last scale-out added;</li>
 * <li>several policies: scale out if any asks (the largest capacity wins); scale in only if every target
 *     tracking policy with scale-in enabled asks (step scale-ins are not held back by target tracking),
 *     again the largest capacity wins;</li>
 * <li>SuspendedState, then a service deployment in progress (scale-in only), then [min, max]: a scale-out
 *     from below the minimum jumps to it and goes on, a scale-out at or above the maximum does nothing,
 *     and the mirror for scale-in.</li>
 * </ol>
 */
public final class ScalingDecider {

    private ScalingDecider() {
    }

    public static ScalingDecision decide(ScalingContext context, List<PolicyTrigger> triggers) {
        PolicyEvaluation evaluation = PolicyEvaluation.of(context, triggers);
        if (!evaluation.scaleOuts.isEmpty()) {
            return scaleOut(context, largest(evaluation.scaleOuts));
        }
        List<PolicyProposal> scaleIns = new ArrayList<>(evaluation.stepScaleIns);
        if (!evaluation.targetTrackingScaleInHeld) {
            scaleIns.addAll(evaluation.targetTrackingScaleIns);
        }
        if (!scaleIns.isEmpty()) {
            return scaleIn(context, largest(scaleIns));
        }
        if (evaluation.insufficientData) {
            return new ScalingDecision.NoAction(ScalingDecision.Why.INSUFFICIENT_DATA);
        }
        if (evaluation.scaleInCooldown) {
            return new ScalingDecision.NoAction(ScalingDecision.Why.COOLDOWN);
        }
        if (!evaluation.targetTrackingScaleIns.isEmpty()) {
            return new ScalingDecision.NoAction(ScalingDecision.Why.NOT_ALL_POLICIES_AGREE);
        }
        return new ScalingDecision.NoAction(ScalingDecision.Why.NOT_TRIGGERED);
    }

    private static PolicyProposal largest(List<PolicyProposal> proposals) {
        return proposals.stream().max(Comparator.comparingInt(PolicyProposal::capacity)).orElseThrow();
    }

    private static ScalingDecision scaleOut(ScalingContext context, PolicyProposal winner) {
        if (context.target().suspendedState().suspends(ScalingDirection.OUT)) {
            return new ScalingDecision.NoAction(ScalingDecision.Why.SUSPENDED);
        }
        int current = context.currentCount();
        CapacityRange range = context.range();
        if (current >= range.max()) {
            return notScaled(context, winner, NotScaledReason.atMax(range.max()));
        }
        int newCount = range.clamp(winner.capacity());
        if (newCount <= current) {
            return winner.inCooldown() ? new ScalingDecision.NoAction(ScalingDecision.Why.COOLDOWN)
                    : notScaled(context, winner, NotScaledReason.atDesired(current));
        }
        return new ScalingDecision.Scale(ScalingDirection.OUT, current, newCount, winner.countedFrom(), winner.policyName(),
                ActivityTexts.settingDesiredCount(newCount), winner.cause());
    }

    private static ScalingDecision scaleIn(ScalingContext context, PolicyProposal winner) {
        if (context.target().suspendedState().suspends(ScalingDirection.IN)) {
            return new ScalingDecision.NoAction(ScalingDecision.Why.SUSPENDED);
        }
        int current = context.currentCount();
        CapacityRange range = context.range();
        if (context.deploymentInProgress()) {
            return notScaled(context, winner, NotScaledReason.unscalable(current));
        }
        if (current <= range.min()) {
            return notScaled(context, winner, NotScaledReason.atMin(range.min()));
        }
        int newCount = range.clamp(winner.capacity());
        if (newCount >= current) {
            return notScaled(context, winner, winner.flapping() ? NotScaledReason.anticipatedFlapping(current)
                    : NotScaledReason.atDesired(current));
        }
        return new ScalingDecision.Scale(ScalingDirection.IN, current, newCount, current, winner.policyName(),
                ActivityTexts.settingDesiredCount(newCount), winner.cause());
    }

    private static ScalingDecision notScaled(ScalingContext context, PolicyProposal winner, NotScaledReason reason) {
        return new ScalingDecision.NotScaled(winner.direction(), context.currentCount(), List.of(reason),
                winner.policyName(), ActivityTexts.attemptingToScale(), winner.cause());
    }
}
