package dev.berth.autoscaler.scaling;

/**
 * One NotScaledReason: the code and the capacity that blocked scaling. AlreadyAtMaxCapacity carries
 * MaxCapacity (as AWS's example), AlreadyAtMinCapacity MinCapacity, the others CurrentCapacity.
 */
public record NotScaledReason(NotScaledReasonCode code, Integer maxCapacity, Integer minCapacity, Integer currentCapacity) {

    public static NotScaledReason atMax(int maxCapacity) {
        return new NotScaledReason(NotScaledReasonCode.ALREADY_AT_MAX_CAPACITY, maxCapacity, null, null);
    }

    public static NotScaledReason atMin(int minCapacity) {
        return new NotScaledReason(NotScaledReasonCode.ALREADY_AT_MIN_CAPACITY, null, minCapacity, null);
    }

    public static NotScaledReason atDesired(int currentCapacity) {
        return new NotScaledReason(NotScaledReasonCode.ALREADY_AT_DESIRED_CAPACITY, null, null, currentCapacity);
    }

    public static NotScaledReason anticipatedFlapping(int currentCapacity) {
        return new NotScaledReason(NotScaledReasonCode.AUTO_SCALING_ANTICIPATED_FLAPPING, null, null, currentCapacity);
    }

    public static NotScaledReason unscalable(int currentCapacity) {
        return new NotScaledReason(NotScaledReasonCode.TARGET_SERVICE_PUT_RESOURCE_AS_UNSCALABLE, null, null, currentCapacity);
    }
}
