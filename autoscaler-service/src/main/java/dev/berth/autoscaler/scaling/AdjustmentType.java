package dev.berth.autoscaler.scaling;

/** How a step's ScalingAdjustment is read. */
public enum AdjustmentType {
    CHANGE_IN_CAPACITY("ChangeInCapacity"),
    PERCENT_CHANGE_IN_CAPACITY("PercentChangeInCapacity"),
    EXACT_CAPACITY("ExactCapacity");

    private final String awsName;

    AdjustmentType(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    static AdjustmentType parse(String value, String field) {
        ValidationErrors.required(value, field);
        for (AdjustmentType type : values()) {
            if (type.awsName.equals(value)) {
                return type;
            }
        }
        throw ValidationErrors.invalid(field, "must be ChangeInCapacity, PercentChangeInCapacity or ExactCapacity");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
