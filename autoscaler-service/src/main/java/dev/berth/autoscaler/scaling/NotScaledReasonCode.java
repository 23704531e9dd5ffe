package dev.berth.autoscaler.scaling;

/** Why a triggered policy did not scale, as AWS's NotScaledReason codes. */
public enum NotScaledReasonCode {
    /** Scaling in would very likely make the metric cross the target and scale out again. */
    AUTO_SCALING_ANTICIPATED_FLAPPING("AutoScalingAnticipatedFlapping"),
    /** The service cannot be scaled for now; Berth: scale-in during a service deployment. */
    TARGET_SERVICE_PUT_RESOURCE_AS_UNSCALABLE("TargetServicePutResourceAsUnscalable"),
    ALREADY_AT_MAX_CAPACITY("AlreadyAtMaxCapacity"),
    ALREADY_AT_MIN_CAPACITY("AlreadyAtMinCapacity"),
    /** The computed capacity equals the current one. */
    ALREADY_AT_DESIRED_CAPACITY("AlreadyAtDesiredCapacity");

    private final String awsName;

    NotScaledReasonCode(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    @Override
    public String toString() {
        return awsName;
    }
}
