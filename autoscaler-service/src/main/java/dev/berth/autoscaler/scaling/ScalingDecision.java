package dev.berth.autoscaler.scaling;

import java.util.List;

/**
 * What one evaluation of a scalable target's policies decided: set a new desired count, record a
 * not-scaled activity, or do nothing at all (nothing is recorded).
 */
public sealed interface ScalingDecision {

    /**
     * Set the desired count to {@code newCount}; the activity starts Pending. {@code countedFrom} is the count
     * the change was computed from: for a scale-out in cooldown the count before the previous scale-out,
     * else the current count (see {@link CooldownState#after}).
     */
    record Scale(ScalingDirection direction, int currentCount, int newCount, int countedFrom, String policyName,
            String description, String cause) implements ScalingDecision {

        public ActivityStatusCode statusCode() {
            return ActivityStatusCode.PENDING;
        }

        /** How many tasks this adds (positive) or removes (negative). */
        public int change() {
            return newCount - currentCount;
        }
    }

    /** A triggered policy that did not scale: a Failed activity with its NotScaledReasons. */
    record NotScaled(ScalingDirection direction, int currentCount, List<NotScaledReason> reasons, String policyName,
            String description, String cause) implements ScalingDecision {

        public NotScaled {
            reasons = List.copyOf(reasons);
        }

        public ActivityStatusCode statusCode() {
            return ActivityStatusCode.FAILED;
        }
    }

    /** Nothing to do and nothing to record. */
    record NoAction(Why why) implements ScalingDecision {
    }

    /** Why an evaluation did nothing. */
    enum Why {
        /** No policy asked to scale (no alarm in ALARM, or its metric fell in no step). */
        NOT_TRIGGERED,
        /** The alarm has no data: target tracking never scales on INSUFFICIENT_DATA. */
        INSUFFICIENT_DATA,
        /** The target's SuspendedState suspends this direction. */
        SUSPENDED,
        /** A scale-in waits for its cooldown; a scale-out in cooldown asked for no more than was added. */
        COOLDOWN,
        /** Scale-in: not every target tracking policy with scale-in enabled agrees. */
        NOT_ALL_POLICIES_AGREE
    }
}
