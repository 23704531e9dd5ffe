package dev.berth.autoscaler.alarms;

import dev.berth.autoscaler.metrics.Statistic;
import dev.berth.autoscaler.metrics.StandardUnit;
import dev.berth.common.error.InvalidInputException;

/** Turns PutMetricAlarm's values into an {@link AlarmDefinition}, or refuses them naming the AWS field. */
public final class AlarmRules {

    private AlarmRules() {
    }

    public static AlarmDefinition definitionOf(PutMetricAlarmValues in) {
        FieldChecks.required("AlarmName", in.alarmName());
        FieldChecks.required("Namespace", in.namespace());
        FieldChecks.required("MetricName", in.metricName());
        AlarmStatistic statistic = statisticOf(in.statistic(), in.extendedStatistic());
        int period = requiredNumber("Period", in.period());
        int evaluationPeriods = requiredNumber("EvaluationPeriods", in.evaluationPeriods());
        if (in.threshold() == null) {
            throw new InvalidInputException("Threshold", "required");
        }
        return new AlarmDefinition(in.alarmName(), in.alarmDescription(), in.namespace(), in.metricName(),
                in.dimensions(), statistic, period, unitOf(in.unit()), evaluationPeriods, in.datapointsToAlarm(),
                in.threshold(), operatorOf(in.comparisonOperator()), treatMissingDataOf(in.treatMissingData()),
                in.actionsEnabled() == null || in.actionsEnabled(), in.okActions(), in.alarmActions(),
                in.insufficientDataActions());
    }

    static AlarmStatistic statisticOf(String statistic, String extendedStatistic) {
        if (statistic != null && extendedStatistic != null) {
            throw new InvalidInputException("ExtendedStatistic", "give either Statistic or ExtendedStatistic, not both");
        }
        if (statistic != null) {
            return Statistic.of(statistic).<AlarmStatistic>map(AlarmStatistic.Standard::new)
                    .orElseThrow(() -> new InvalidInputException("Statistic", "one of " + Statistic.wireNames()));
        }
        if (extendedStatistic != null) {
            return AlarmStatistic.Percentile.parse(extendedStatistic).<AlarmStatistic>map(p -> p)
                    .orElseThrow(() -> new InvalidInputException("ExtendedStatistic",
                            "a percentile between p0 and p100 such as p90 or p99.9 (at most two decimals)"));
        }
        throw new InvalidInputException("Statistic", "Statistic or ExtendedStatistic is required");
    }

    static ComparisonOperator operatorOf(String operator) {
        if (operator == null) {
            throw new InvalidInputException("ComparisonOperator", "required");
        }
        if (ComparisonOperator.ANOMALY_DETECTION.contains(operator)) {
            throw new InvalidInputException("ComparisonOperator", operator
                    + " is for anomaly detection alarms, which Berth does not support; use one of "
                    + ComparisonOperator.awsNames());
        }
        return ComparisonOperator.fromAws(operator).orElseThrow(() -> new InvalidInputException("ComparisonOperator",
                "one of " + ComparisonOperator.awsNames()));
    }

    static TreatMissingData treatMissingDataOf(String value) {
        if (value == null) {
            return TreatMissingData.DEFAULT;
        }
        return TreatMissingData.fromAws(value).orElseThrow(() -> new InvalidInputException("TreatMissingData",
                "one of " + TreatMissingData.awsNames()));
    }

    static StandardUnit unitOf(String unit) {
        if (unit == null) {
            return null;
        }
        return StandardUnit.of(unit).orElseThrow(() -> new InvalidInputException("Unit",
                "one of CloudWatch's standard units such as Percent, Count, Bytes or Seconds"));
    }

    private static int requiredNumber(String field, Integer value) {
        if (value == null) {
            throw new InvalidInputException(field, "required");
        }
        return value;
    }
}
