package dev.berth.autoscaler.scaling;

import java.util.Optional;

/** A registered scalable target: what is scaled, between which bounds, and what is suspended. */
public record ScalableTarget(ScalableTargetId id, CapacityRange capacity, SuspendedState suspendedState) {

    public ScalableTarget {
        ValidationErrors.required(id, "ResourceId");
        ValidationErrors.required(capacity, "MinCapacity");
        suspendedState = suspendedState == null ? SuspendedState.NONE : suspendedState;
    }

    /**
     * RegisterScalableTarget: a new target needs both capacities; an existing one keeps what the request
     * leaves out (null). The suspended flags merge the same way.
     */
    public static ScalableTarget register(ScalableTarget existing, ScalableTargetId id, Integer minCapacity,
            Integer maxCapacity, Boolean scalingInSuspended, Boolean scalingOutSuspended, Boolean scheduledSuspended) {
        if (existing == null) {
            ValidationErrors.required(minCapacity, "MinCapacity");
            ValidationErrors.required(maxCapacity, "MaxCapacity");
        }
        int min = minCapacity != null ? minCapacity : existing.capacity.min();
        int max = maxCapacity != null ? maxCapacity : existing.capacity.max();
        SuspendedState suspended = (existing == null ? SuspendedState.NONE : existing.suspendedState)
                .with(scalingInSuspended, scalingOutSuspended, scheduledSuspended);
        return new ScalableTarget(id, new CapacityRange(min, max), suspended);
    }

    /**
     * Registering clamps the service's current desired count into [min, max]: the scaling it takes, if any,
     * caused by "minimum capacity was set to N" or "maximum capacity was set to N" as AWS words it.
     */
    public Optional<ScalingDecision.Scale> clampCurrentCount(int currentDesiredCount) {
        if (capacity.contains(currentDesiredCount)) {
            return Optional.empty();
        }
        boolean belowMin = currentDesiredCount < capacity.min();
        int newCount = capacity.clamp(currentDesiredCount);
        String cause = belowMin ? ActivityTexts.minimumCapacitySet(capacity.min()) : ActivityTexts.maximumCapacitySet(capacity.max());
        return Optional.of(new ScalingDecision.Scale(belowMin ? ScalingDirection.OUT : ScalingDirection.IN,
                currentDesiredCount, newCount, currentDesiredCount, null, ActivityTexts.settingDesiredCount(newCount), cause));
    }
}
