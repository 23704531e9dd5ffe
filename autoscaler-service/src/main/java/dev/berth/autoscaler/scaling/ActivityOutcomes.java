package dev.berth.autoscaler.scaling;

import dev.berth.common.scaling.ScalingOutcome;

/** The StatusCode a scaling action's outcome closes its activity with. */
public final class ActivityOutcomes {

    private ActivityOutcomes() {
    }

    public static ActivityStatusCode statusOf(ScalingOutcome.Status status) {
        return switch (status) {
            case SUCCESSFUL -> ActivityStatusCode.SUCCESSFUL;
            case UNFULFILLED -> ActivityStatusCode.UNFULFILLED;
            case FAILED -> ActivityStatusCode.FAILED;
        };
    }
}
