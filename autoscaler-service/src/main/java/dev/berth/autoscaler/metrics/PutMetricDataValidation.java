package dev.berth.autoscaler.metrics;

import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PutMetricData's limits, as CloudWatch's: at most 1,000 metrics a call and 150 values a datum,
 * exactly one of Value, StatisticValues or Values, finite numbers within ±2^360, time stamps at
 * most two weeks old and two hours ahead, StorageResolution 1 or 60. The first problem is the error,
 * named by its field ({@code MetricData[2].Value}); nothing of a refused call is stored.
 */
public final class PutMetricDataValidation {

    public static final int MAX_METRIC_DATA = 1000;
    public static final int MAX_VALUES = 150;
    public static final Duration MAX_AGE = Duration.ofDays(14);
    public static final Duration MAX_AHEAD = Duration.ofHours(2);
    /** CloudWatch refuses values beyond ±2^360. */
    public static final double MAX_MAGNITUDE = Math.pow(2, 360);

    private PutMetricDataValidation() {
    }

    public static List<Sample> samples(String tenant, PutMetricDataRequest request, Instant now) {
        if (request == null) {
            throw new InvalidInputException("body", "a PutMetricData request is required");
        }
        String namespace = MetricNames.userNamespace("Namespace", request.namespace());
        List<MetricDatum> data = request.metricData();
        if (data == null || data.isEmpty()) {
            throw new InvalidInputException("MetricData", "required, 1 to " + MAX_METRIC_DATA + " items");
        }
        if (data.size() > MAX_METRIC_DATA) {
            throw new InvalidInputException("MetricData", "at most " + MAX_METRIC_DATA + " items, got " + data.size());
        }
        List<Sample> samples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            samples.add(sample(tenant, namespace, data.get(i), "MetricData[" + i + "]", now));
        }
        return samples;
    }

    private static Sample sample(String tenant, String namespace, MetricDatum datum, String at, Instant now) {
        if (datum == null) {
            throw new InvalidInputException(at, "required");
        }
        String name = MetricNames.metricName(at + ".MetricName", datum.metricName());
        List<DimensionValue> dimensions = MetricNames.dimensions(at + ".Dimensions", datum.dimensions());
        Instant timestamp = timestamp(at + ".Timestamp", datum.timestamp(), now);
        SampleSet set = set(at, datum);
        StandardUnit unit = unit(at + ".Unit", datum.unit());
        boolean highResolution = resolution(at + ".StorageResolution", datum.storageResolution());
        return new Sample(tenant, new MetricKey(namespace, name, dimensions), timestamp, set, unit, highResolution);
    }

    public static Instant timestamp(String field, Instant timestamp, Instant now) {
        if (timestamp == null) {
            return now;
        }
        if (timestamp.isBefore(now.minus(MAX_AGE))) {
            throw new InvalidInputException(field, "more than two weeks old: " + timestamp);
        }
        if (timestamp.isAfter(now.plus(MAX_AHEAD))) {
            throw new InvalidInputException(field, "more than two hours in the future: " + timestamp);
        }
        return timestamp;
    }

    public static StandardUnit unit(String field, String unit) {
        if (unit == null) {
            return StandardUnit.NONE;
        }
        return StandardUnit.of(unit).orElseThrow(() -> new InvalidInputException(field,
                "not a CloudWatch unit: " + unit));
    }

    private static boolean resolution(String field, Integer resolution) {
        if (resolution == null || resolution == 60) {
            return false;
        }
        if (resolution == 1) {
            return true;
        }
        throw new InvalidInputException(field, "1 or 60, got " + resolution);
    }

    private static SampleSet set(String at, MetricDatum datum) {
        boolean hasValues = datum.values() != null && !datum.values().isEmpty();
        int given = (datum.value() != null ? 1 : 0) + (datum.statisticValues() != null ? 1 : 0) + (hasValues ? 1 : 0);
        if (given == 0) {
            throw new InvalidInputException(at + ".Value", "one of Value, StatisticValues or Values is required");
        }
        if (given > 1) {
            throw new InvalidInputException(at + ".Value", "give only one of Value, StatisticValues or Values");
        }
        if (datum.counts() != null && !datum.counts().isEmpty() && !hasValues) {
            throw new InvalidInputException(at + ".Counts", "only with Values");
        }
        if (datum.value() != null) {
            return SampleSet.of(finite(at + ".Value", datum.value()));
        }
        if (datum.statisticValues() != null) {
            return statisticValues(at + ".StatisticValues", datum.statisticValues());
        }
        return values(at, datum.values(), datum.counts() == null ? List.of() : datum.counts());
    }

    private static SampleSet statisticValues(String at, StatisticSet set) {
        double count = finite(at + ".SampleCount", set.sampleCount());
        double sum = finite(at + ".Sum", set.sum());
        double min = finite(at + ".Minimum", set.minimum());
        double max = finite(at + ".Maximum", set.maximum());
        if (count <= 0) {
            throw new InvalidInputException(at + ".SampleCount", "must be positive, got " + count);
        }
        if (min > max) {
            throw new InvalidInputException(at + ".Minimum", "greater than Maximum");
        }
        return new SampleSet(count, sum, min, max);
    }

    private static SampleSet values(String at, List<Double> values, List<Double> counts) {
        if (values.size() > MAX_VALUES) {
            throw new InvalidInputException(at + ".Values", "at most " + MAX_VALUES + " values, got " + values.size());
        }
        if (!counts.isEmpty() && counts.size() != values.size()) {
            throw new InvalidInputException(at + ".Counts", "as many as Values (" + values.size() + "), got "
                    + counts.size());
        }
        for (int i = 0; i < values.size(); i++) {
            finite(at + ".Values[" + i + "]", values.get(i));
        }
        for (int i = 0; i < counts.size(); i++) {
            if (finite(at + ".Counts[" + i + "]", counts.get(i)) <= 0) {
                throw new InvalidInputException(at + ".Counts[" + i + "]", "must be positive, got " + counts.get(i));
            }
        }
        return SampleSet.of(values, counts);
    }

    /** A number CloudWatch accepts: present, not NaN or infinite, within ±2^360. */
    public static double finite(String field, Double value) {
        if (value == null) {
            throw new InvalidInputException(field, "required");
        }
        if (value.isNaN() || value.isInfinite()) {
            throw new InvalidInputException(field, "NaN and Infinity are not accepted");
        }
        if (Math.abs(value) > MAX_MAGNITUDE) {
            throw new InvalidInputException(field, "beyond ±2^360");
        }
        return value;
    }
}
