package dev.berth.autoscaler.scaling;

/**
 * The Description, Cause and StatusMessage texts of scaling activities, worded as Application Auto Scaling
 * writes them (AWS's DescribeScalingActivities examples), for ECS services.
 */
public final class ActivityTexts {

    private ActivityTexts() {
    }

    /** Description of an activity that sets the count: {@code Setting desired count to 4.} */
    public static String settingDesiredCount(int count) {
        return "Setting desired count to " + count + ".";
    }

    /** Description of a not-scaled activity. */
    public static String attemptingToScale() {
        return "Attempting to scale due to alarm triggered";
    }

    /** Cause of an activity a policy's alarm started. */
    public static String alarmTriggeredPolicy(String alarmName, String policyName) {
        return "monitor alarm " + alarmName + " in state ALARM triggered policy " + policyName;
    }

    /** Cause of the activity RegisterScalableTarget starts when the count is below the new minimum. */
    public static String minimumCapacitySet(int min) {
        return "minimum capacity was set to " + min;
    }

    /** Cause of the activity RegisterScalableTarget starts when the count is above the new maximum. */
    public static String maximumCapacitySet(int max) {
        return "maximum capacity was set to " + max;
    }

    /** StatusMessage once the scheduler took the count (InProgress). */
    public static String waitingForService(int count) {
        return "Successfully set desired count to " + count + ". Waiting for change to be fulfilled by ecs.";
    }

    /** StatusMessage of a Successful activity. */
    public static String fulfilled(int count) {
        return "Successfully set desired count to " + count + ". Change successfully fulfilled by ecs.";
    }

    /** StatusMessage of a Failed activity (Berth's wording; AWS publishes none). */
    public static String failed(int count, String reason) {
        return "Failed to set desired count to " + count + ". Reason: " + reason;
    }
}
