package dev.berth.autoscaler.alarms;

import java.util.Arrays;
import java.util.Optional;

/** CloudWatch's Statistic enum (percentiles are ExtendedStatistic, see {@link AlarmStatistic.Percentile}). */
public enum Statistic {
    SAMPLE_COUNT("SampleCount"), AVERAGE("Average"), SUM("Sum"), MINIMUM("Minimum"), MAXIMUM("Maximum");

    private final String awsName;

    Statistic(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public static Optional<Statistic> fromAws(String value) {
        return Arrays.stream(values()).filter(s -> s.awsName.equals(value)).findFirst();
    }

    public static String awsNames() {
        return String.join(", ", Arrays.stream(values()).map(Statistic::awsName).toList());
    }
}
