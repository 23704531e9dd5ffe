package dev.berth.autoscaler.alarms;

import java.util.Arrays;
import java.util.Optional;

/** How missing datapoints are filled when fewer than EvaluationPeriods real ones are in the range. */
public enum TreatMissingData {
    BREACHING("breaching"), NOT_BREACHING("notBreaching"), IGNORE("ignore"), MISSING("missing");

    /** PutMetricAlarm's default. */
    public static final TreatMissingData DEFAULT = MISSING;

    private final String awsName;

    TreatMissingData(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public static Optional<TreatMissingData> fromAws(String value) {
        return Arrays.stream(values()).filter(t -> t.awsName.equals(value)).findFirst();
    }

    public static String awsNames() {
        return String.join(", ", Arrays.stream(values()).map(TreatMissingData::awsName).toList());
    }
}
