package dev.berth.autoscaler.scaling;

/**
 * StatusCode of a scaling activity. Every activity starts Pending; InProgress once the scheduler took the
 * new count; then Successful, Overridden (a newer activity replaced the count), Unfulfilled (timed out or
 * could not be fulfilled) or Failed. A not-scaled activity is Failed with its NotScaledReasons.
 */
public enum ActivityStatusCode {
    PENDING("Pending"),
    IN_PROGRESS("InProgress"),
    SUCCESSFUL("Successful"),
    OVERRIDDEN("Overridden"),
    UNFULFILLED("Unfulfilled"),
    FAILED("Failed");

    private final String awsName;

    ActivityStatusCode(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public boolean isFinal() {
        return this != PENDING && this != IN_PROGRESS;
    }

    @Override
    public String toString() {
        return awsName;
    }
}
