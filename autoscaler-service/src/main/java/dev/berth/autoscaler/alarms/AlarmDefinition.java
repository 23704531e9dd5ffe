package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.StandardUnit;
import static dev.berth.autoscaler.alarms.AlarmLimits.*;

import dev.berth.common.error.InvalidInputException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A metric alarm as PutMetricAlarm defines it, every limit checked on construction (each failure names
 * the AWS field). Build one from a request with {@link AlarmRules#definitionOf(PutMetricAlarmValues)},
 * which also parses the enum strings and applies the defaults.
 *
 * @param alarmDescription  null when not given
 * @param unit              null when not given
 * @param datapointsToAlarm M of "M out of N"; null when not given, which means M = N and changes the
 *                          wording of StateReason (CloudWatch omits "out of the last" then)
 */
public record AlarmDefinition(String alarmName, String alarmDescription, String namespace, String metricName,
                              List<Dimension> dimensions, AlarmStatistic statistic, int period, StandardUnit unit,
                              int evaluationPeriods, Integer datapointsToAlarm, double threshold,
                              ComparisonOperator comparisonOperator, TreatMissingData treatMissingData,
                              boolean actionsEnabled, List<String> okActions, List<String> alarmActions,
                              List<String> insufficientDataActions) {

    public AlarmDefinition {
        checkName(alarmName);
        if (alarmDescription != null) {
            FieldChecks.length("AlarmDescription", alarmDescription, 0, MAX_DESCRIPTION_LENGTH);
        }
        checkMetric(namespace, metricName);
        dimensions = checkDimensions(dimensions);
        Objects.requireNonNull(statistic, "statistic");
        checkPeriods(period, evaluationPeriods, datapointsToAlarm);
        if (!Double.isFinite(threshold)) {
            throw new InvalidInputException("Threshold", "must be a finite number");
        }
        Objects.requireNonNull(comparisonOperator, "comparisonOperator");
        Objects.requireNonNull(treatMissingData, "treatMissingData");
        okActions = checkActions("OKActions", okActions);
        alarmActions = checkActions("AlarmActions", alarmActions);
        insufficientDataActions = checkActions("InsufficientDataActions", insufficientDataActions);
    }

    /** M: the breaching datapoints among the last N that put the alarm in ALARM. */
    public int requiredBreaches() {
        return datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
    }

    public Duration periodDuration() {
        return Duration.ofSeconds(period);
    }

    public List<String> actionsFor(AlarmState state) {
        return switch (state) {
            case OK -> okActions;
            case ALARM -> alarmActions;
            case INSUFFICIENT_DATA -> insufficientDataActions;
        };
    }

    private static void checkName(String alarmName) {
        FieldChecks.required("AlarmName", alarmName);
        FieldChecks.length("AlarmName", alarmName, 1, MAX_ALARM_NAME_LENGTH);
        FieldChecks.noControlCharacters("AlarmName", alarmName);
    }

    private static void checkMetric(String namespace, String metricName) {
        FieldChecks.required("Namespace", namespace);
        FieldChecks.length("Namespace", namespace, 1, MAX_NAMESPACE_LENGTH);
        FieldChecks.printableAscii("Namespace", namespace);
        FieldChecks.notStartingWithColon("Namespace", namespace);
        FieldChecks.required("MetricName", metricName);
        FieldChecks.length("MetricName", metricName, 1, MAX_METRIC_NAME_LENGTH);
        FieldChecks.noControlCharacters("MetricName", metricName);
    }

    private static List<Dimension> checkDimensions(List<Dimension> dimensions) {
        if (dimensions == null) {
            return List.of();
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw new InvalidInputException("Dimensions", "at most " + MAX_DIMENSIONS + ", got " + dimensions.size());
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension dimension = dimensions.get(i);
            String at = "Dimensions[" + i + "]";
            if (dimension == null) {
                throw new InvalidInputException(at, "required");
            }
            String name = FieldChecks.required(at + ".Name", dimension.name());
            FieldChecks.length(at + ".Name", name, 1, MAX_DIMENSION_NAME_LENGTH);
            FieldChecks.printableAscii(at + ".Name", name);
            FieldChecks.notStartingWithColon(at + ".Name", name);
            String value = FieldChecks.required(at + ".Value", dimension.value());
            FieldChecks.length(at + ".Value", value, 1, MAX_DIMENSION_VALUE_LENGTH);
            FieldChecks.printableAscii(at + ".Value", value);
            if (!names.add(name)) {
                throw new InvalidInputException(at + ".Name", "dimension '" + name + "' is given twice");
            }
        }
        return List.copyOf(dimensions);
    }

    private static void checkPeriods(int period, int evaluationPeriods, Integer datapointsToAlarm) {
        if (!HIGH_RESOLUTION_PERIODS_SECONDS.contains(period)
                && (period < STANDARD_PERIOD_UNIT_SECONDS || period % STANDARD_PERIOD_UNIT_SECONDS != 0)) {
            throw new InvalidInputException("Period", "10, 20, 30 or a multiple of 60 seconds, got " + period);
        }
        if (evaluationPeriods < 1) {
            throw new InvalidInputException("EvaluationPeriods", "at least 1, got " + evaluationPeriods);
        }
        if (datapointsToAlarm != null && (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
            throw new InvalidInputException("DatapointsToAlarm",
                    "between 1 and EvaluationPeriods (" + evaluationPeriods + "), got " + datapointsToAlarm);
        }
        long total = (long) period * evaluationPeriods;
        long max = period < HOURLY_PERIOD_SECONDS ? MAX_EVALUATION_SECONDS_UNDER_HOURLY_PERIODS : MAX_EVALUATION_SECONDS;
        if (total > max) {
            throw new InvalidInputException("EvaluationPeriods", "Period x EvaluationPeriods is at most " + max
                    + " seconds" + (period < HOURLY_PERIOD_SECONDS ? " for periods under an hour" : "")
                    + ", got " + total);
        }
    }

    /** Repeated ARNs are kept once, in their first place. */
    private static List<String> checkActions(String field, List<String> actions) {
        if (actions == null) {
            return List.of();
        }
        if (actions.size() > MAX_ACTIONS_PER_STATE) {
            throw new InvalidInputException(field, "at most " + MAX_ACTIONS_PER_STATE + ", got " + actions.size());
        }
        for (int i = 0; i < actions.size(); i++) {
            String at = field + "[" + i + "]";
            String action = FieldChecks.required(at, actions.get(i));
            FieldChecks.length(at, action, 1, MAX_ACTION_LENGTH);
            FieldChecks.noControlCharacters(at, action);
        }
        return actions.stream().distinct().toList();
    }
}
