package dev.berth.autoscaler.alarms;

import java.util.Set;

/** PutMetricAlarm's limits, as botocore's cloudwatch model and CloudWatch's user guide state them. */
public final class AlarmLimits {
    public static final int MAX_ALARM_NAME_LENGTH = 255;
    public static final int MAX_DESCRIPTION_LENGTH = 1024;
    public static final int MAX_NAMESPACE_LENGTH = 255;
    public static final int MAX_METRIC_NAME_LENGTH = 255;
    public static final int MAX_DIMENSIONS = 30;
    public static final int MAX_DIMENSION_NAME_LENGTH = 255;
    public static final int MAX_DIMENSION_VALUE_LENGTH = 1024;
    public static final int MAX_ACTIONS_PER_STATE = 5;
    public static final int MAX_ACTION_LENGTH = 1024;

    /** High-resolution periods; any other period is a multiple of {@link #STANDARD_PERIOD_UNIT_SECONDS}. */
    public static final Set<Integer> HIGH_RESOLUTION_PERIODS_SECONDS = Set.of(10, 20, 30);
    public static final int STANDARD_PERIOD_UNIT_SECONDS = 60;

    /** Period x EvaluationPeriods for periods under an hour: one day. */
    public static final long MAX_EVALUATION_SECONDS_UNDER_HOURLY_PERIODS = 86_400;
    /** Period x EvaluationPeriods for periods of an hour or more: seven days. */
    public static final long MAX_EVALUATION_SECONDS = 604_800;
    public static final int HOURLY_PERIOD_SECONDS = 3_600;

    private AlarmLimits() {
    }
}
