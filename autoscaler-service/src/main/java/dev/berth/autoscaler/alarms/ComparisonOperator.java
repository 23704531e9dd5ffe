package dev.berth.autoscaler.alarms;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The four static-threshold operators of PutMetricAlarm. The statistic's value is the first operand,
 * so a datapoint breaches when {@code value <op> threshold} holds.
 */
public enum ComparisonOperator {
    GREATER_THAN_OR_EQUAL_TO_THRESHOLD("GreaterThanOrEqualToThreshold", "greater than or equal to"),
    GREATER_THAN_THRESHOLD("GreaterThanThreshold", "greater than"),
    LESS_THAN_THRESHOLD("LessThanThreshold", "less than"),
    LESS_THAN_OR_EQUAL_TO_THRESHOLD("LessThanOrEqualToThreshold", "less than or equal to");

    /** CloudWatch's operators for anomaly-detection bands, which Berth does not evaluate. */
    public static final Set<String> ANOMALY_DETECTION = Set.of("LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold", "GreaterThanUpperThreshold");

    private final String awsName;
    private final String wording;

    ComparisonOperator(String awsName, String wording) {
        this.awsName = awsName;
        this.wording = wording;
    }

    public String awsName() {
        return awsName;
    }

    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
            case GREATER_THAN_THRESHOLD -> value > threshold;
            case LESS_THAN_THRESHOLD -> value < threshold;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
        };
    }

    /** How a StateReason words a breach: {@code greater than}, or {@code not greater than} when it holds no breach. */
    public String wording(boolean breaching) {
        return breaching ? wording : "not " + wording;
    }

    public static Optional<ComparisonOperator> fromAws(String value) {
        return Arrays.stream(values()).filter(o -> o.awsName.equals(value)).findFirst();
    }

    public static String awsNames() {
        return String.join(", ", Arrays.stream(values()).map(ComparisonOperator::awsName).toList());
    }
}
