package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Alarm definitions and datapoint rows for the table tests. */
final class TestAlarms {

    static final double THRESHOLD = 50.0;
    static final double FINE = 10.0;
    static final double BREACH = 90.0;

    private TestAlarms() {
    }

    static PutMetricAlarmValues values() {
        return new PutMetricAlarmValues("cpu-high", null, null, null, null, null, "CPUUtilization", "AWS/ECS",
                "Average", null, List.of(new Dimension("ClusterName", "prod")), 60, null, 3, null, THRESHOLD,
                "GreaterThanThreshold", null);
    }

    /** Period 60 s, {@code value > 50}. */
    static AlarmDefinition alarm(int evaluationPeriods, Integer datapointsToAlarm, TreatMissingData treatMissingData) {
        return alarm(60, evaluationPeriods, datapointsToAlarm, treatMissingData, ComparisonOperator.GREATER_THAN_THRESHOLD,
                THRESHOLD);
    }

    static AlarmDefinition alarm(int period, int evaluationPeriods, Integer datapointsToAlarm,
                                 TreatMissingData treatMissingData, ComparisonOperator operator, double threshold) {
        return new AlarmDefinition("cpu-high", null, "AWS/ECS", "CPUUtilization",
                List.of(new Dimension("ClusterName", "prod")), new AlarmStatistic.Standard(Statistic.AVERAGE), period,
                null, evaluationPeriods, datapointsToAlarm, threshold, operator, treatMissingData, true,
                List.of(), List.of(), List.of());
    }

    /**
     * Datapoints for a row written as the user guide writes it, oldest first: {@code 0} fine, {@code X}
     * breaching, {@code -} missing; the last one is the newest complete period before {@code now}.
     */
    static List<Datapoint> row(String row, Instant now, int periodSeconds) {
        String[] cells = row.trim().split("\\s+");
        long end = Math.floorDiv(now.getEpochSecond(), periodSeconds) * periodSeconds;
        List<Datapoint> datapoints = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            Instant start = Instant.ofEpochSecond(end - (long) (cells.length - i) * periodSeconds);
            switch (cells[i]) {
                case "0" -> datapoints.add(new Datapoint(start, FINE));
                case "X" -> datapoints.add(new Datapoint(start, BREACH));
                case "-" -> { }
                default -> throw new IllegalArgumentException("cell " + cells[i]);
            }
        }
        return datapoints;
    }
}
