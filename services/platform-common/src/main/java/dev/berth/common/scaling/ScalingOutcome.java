package dev.berth.common.scaling;

/**
 * What became of a {@link ScalingAction}, on {@code berth.scaling-results} (keyed by resource id)
 * inside an envelope of type {@link #TYPE}; the autoscaler closes the action's activity with it.
 *
 * @param previousDesiredCount the count before; null when the resource was not found
 * @param desiredCount         the count after; equal to the previous one unless {@link Status#SUCCESSFUL}
 * @param statusMessage        Application Auto Scaling's words, e.g. "Successfully set desired count to 4.
 *                             Change successfully fulfilled by ecs."
 */
public record ScalingOutcome(String actionId, String resourceId, Status status, String statusMessage,
                             Integer previousDesiredCount, Integer desiredCount) {

    public static final String TYPE = "ScalingOutcome";
    public static final int VERSION = 1;

    /** The end states of an activity, as Application Auto Scaling's StatusCode names them. */
    public enum Status {
        /** The count was set. */
        SUCCESSFUL,
        /** The count could not be set now (a scale-in while a deployment is in progress). */
        UNFULFILLED,
        /** The resource is gone or not scalable. */
        FAILED
    }
}
