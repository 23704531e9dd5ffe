package dev.berth.autoscaler.scaling;

/** Which kinds of scaling are paused on a scalable target; every flag defaults to false. */
public record SuspendedState(boolean dynamicScalingInSuspended, boolean dynamicScalingOutSuspended,
        boolean scheduledScalingSuspended) {

    public static final SuspendedState NONE = new SuspendedState(false, false, false);

    /** This state with the flags a request set; a flag it leaves out (null) keeps its value, as AWS updates. */
    public SuspendedState with(Boolean scalingIn, Boolean scalingOut, Boolean scheduled) {
        return new SuspendedState(
                scalingIn == null ? dynamicScalingInSuspended : scalingIn,
                scalingOut == null ? dynamicScalingOutSuspended : scalingOut,
                scheduled == null ? scheduledScalingSuspended : scheduled);
    }

    public boolean suspends(ScalingDirection direction) {
        return direction == ScalingDirection.OUT ? dynamicScalingOutSuspended : dynamicScalingInSuspended;
    }
}
