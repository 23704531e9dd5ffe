package dev.berth.autoscaler.alarms;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CloudWatch's StateReasonData document; the component names are its JSON keys and null ones are left
 * out. Times are already in CloudWatch's form, {@code 2024-07-16T13:13:00.000+0000}.
 *
 * @param startDate          start of the oldest evaluated real datapoint; null when there is none
 * @param unit               the alarm's Unit; null when it has none
 * @param recentDatapoints   values of the evaluated real datapoints, oldest first
 * @param evaluatedDatapoints the evaluated periods, newest first; a period without data has only its timestamp
 */
public record StateReasonData(String version, String queryDate, String startDate, String unit, String statistic,
                              int period, List<Double> recentDatapoints, double threshold,
                              List<EvaluatedDatapoint> evaluatedDatapoints) {

    public static final String VERSION = "1.0";

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    public StateReasonData {
        recentDatapoints = List.copyOf(recentDatapoints);
        evaluatedDatapoints = List.copyOf(evaluatedDatapoints);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** @param sampleCount null when unknown or the period had no data; value null when the period had no data */
    public record EvaluatedDatapoint(String timestamp, Double sampleCount, Double value) {
    }
}
