package dev.berth.autoscaler.alarms;

import java.util.List;

/**
 * PutMetricAlarm's input values as the caller sent them (any may be null), before checks and defaults:
 * what the REST layer hands to {@link AlarmRules#definitionOf(PutMetricAlarmValues)}.
 */
public record PutMetricAlarmValues(String alarmName, String alarmDescription, Boolean actionsEnabled,
                                   List<String> okActions, List<String> alarmActions,
                                   List<String> insufficientDataActions, String metricName, String namespace,
                                   String statistic, String extendedStatistic, List<Dimension> dimensions,
                                   Integer period, String unit, Integer evaluationPeriods, Integer datapointsToAlarm,
                                   Double threshold, String comparisonOperator, String treatMissingData) {
}
