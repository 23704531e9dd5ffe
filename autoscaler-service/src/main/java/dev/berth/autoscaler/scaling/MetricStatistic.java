package dev.berth.autoscaler.scaling;

/** Statistic of a customized metric, as botocore's {@code MetricStatistic}. */
public enum MetricStatistic {
    AVERAGE("Average"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum"),
    SAMPLE_COUNT("SampleCount"),
    SUM("Sum");

    private final String awsName;

    MetricStatistic(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    static MetricStatistic parse(String value, String field) {
        ValidationErrors.required(value, field);
        for (MetricStatistic statistic : values()) {
            if (statistic.awsName.equals(value)) {
                return statistic;
            }
        }
        throw ValidationErrors.invalid(field, "must be one of Average, Minimum, Maximum, SampleCount, Sum");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
