package dev.berth.autoscaler.scaling;

/** PolicyType of a scaling policy. AWS's PredictiveScaling is refused: Berth does not forecast. */
public enum PolicyType {
    STEP_SCALING("StepScaling"),
    TARGET_TRACKING_SCALING("TargetTrackingScaling");

    private final String awsName;

    PolicyType(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public static PolicyType parse(String value) {
        ValidationErrors.required(value, "PolicyType");
        for (PolicyType type : values()) {
            if (type.awsName.equals(value)) {
                return type;
            }
        }
        if ("PredictiveScaling".equals(value)) {
            throw ValidationErrors.invalid("PolicyType", "PredictiveScaling is not supported: use StepScaling or TargetTrackingScaling");
        }
        throw ValidationErrors.invalid("PolicyType", "must be StepScaling or TargetTrackingScaling");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
