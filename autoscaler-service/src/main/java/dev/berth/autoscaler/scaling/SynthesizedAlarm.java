package dev.berth.autoscaler.scaling;

import java.util.List;

/**
 * An alarm a target tracking policy creates and owns (users must not edit it), as the data the alarms
 * store needs: CloudWatch's PutMetricAlarm members with AWS's strings.
 */
public record SynthesizedAlarm(Role role, String alarmName, String namespace, String metricName,
        List<MetricDimension> dimensions, MetricStatistic statistic, String unit, int periodSeconds, int evaluationPeriods,
        int datapointsToAlarm, double threshold, String comparisonOperator, String treatMissingData) {

    public SynthesizedAlarm {
        dimensions = List.copyOf(dimensions);
    }

    /** The high alarm triggers scale-out, the low one scale-in. */
    public enum Role {
        HIGH("AlarmHigh"),
        LOW("AlarmLow");

        private final String nameInfix;

        Role(String nameInfix) {
            this.nameInfix = nameInfix;
        }

        public String nameInfix() {
            return nameInfix;
        }
    }
}
