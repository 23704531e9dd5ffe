package dev.berth.autoscaler.scaling;

/**
 * What one triggered policy asks for, before the policies are combined and the bounds applied.
 * {@code countedFrom} is the count a scale-out was computed from; {@code inCooldown} tells a scale-out that
 * counted the last one's tasks; {@code flapping} marks a target tracking scale-in held back because
 * removing a task would push the metric over the target.
 */
record PolicyProposal(ScalingDirection direction, int capacity, int countedFrom, boolean inCooldown, boolean flapping,
        boolean targetTracking, String policyName, String alarmName) {

    String cause() {
        return ActivityTexts.alarmTriggeredPolicy(alarmName, policyName);
    }
}
