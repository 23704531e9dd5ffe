package dev.berth.autoscaler.metrics;

import java.util.Arrays;
import java.util.Optional;

/** CloudWatch's simple statistics, with their wire names; each is exact from statistic sets. */
public enum Statistic {
    SAMPLE_COUNT("SampleCount"),
    AVERAGE("Average"),
    SUM("Sum"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum");

    private final String wireName;

    Statistic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** "SampleCount, Average, Sum, Minimum, Maximum", for messages. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Statistic::wireName).toList());
    }

    public static Optional<Statistic> of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
