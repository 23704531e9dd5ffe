package dev.berth.autoscaler.metrics;

import java.util.List;

/**
 * A statistic set: how many samples, their sum, minimum and maximum. Sets of one metric combine
 * exactly (counts and sums add, extremes take the extreme), which is how finer resolutions roll up
 * into coarser ones and how data points of one period become its statistics.
 */
public record SampleSet(double sampleCount, double sum, double minimum, double maximum) {

    public static SampleSet of(double value) {
        return new SampleSet(1, value, value, value);
    }

    /** The set of {@code values}, each seen {@code counts[i]} times (1 when counts is empty). */
    public static SampleSet of(List<Double> values, List<Double> counts) {
        double n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            double count = counts.isEmpty() ? 1 : counts.get(i);
            n += count;
            sum += value * count;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new SampleSet(n, sum, min, max);
    }

    public SampleSet combine(SampleSet other) {
        return new SampleSet(sampleCount + other.sampleCount, sum + other.sum, Math.min(minimum, other.minimum),
                Math.max(maximum, other.maximum));
    }

    public double average() {
        return sum / sampleCount;
    }

    public double value(Statistic statistic) {
        return switch (statistic) {
            case SAMPLE_COUNT -> sampleCount;
            case AVERAGE -> average();
            case SUM -> sum;
            case MINIMUM -> minimum;
            case MAXIMUM -> maximum;
        };
    }
}
