package dev.berth.autoscaler.policies;

import dev.berth.autoscaler.alarms.AlarmLimits;
import dev.berth.autoscaler.alarms.PutMetricAlarmRequest;
import dev.berth.autoscaler.metrics.Dimension;
import dev.berth.autoscaler.scaling.SynthesizedAlarm;
import java.util.List;

/** A target tracking policy's synthesized alarm as the PutMetricAlarm call that creates it, acting on the policy. */
public final class ManagedAlarmRequests {

    static final String DESCRIPTION = "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ";

    private ManagedAlarmRequests() {
    }

    public static PutMetricAlarmRequest of(SynthesizedAlarm alarm, String policyArn) {
        String description = DESCRIPTION + policyArn;
        if (description.length() > AlarmLimits.MAX_DESCRIPTION_LENGTH) {
            description = description.substring(0, AlarmLimits.MAX_DESCRIPTION_LENGTH);
        }
        List<Dimension> dimensions = alarm.dimensions().stream().map(d -> new Dimension(d.name(), d.value())).toList();
        return new PutMetricAlarmRequest(alarm.alarmName(), description, true, null, List.of(policyArn), null,
                alarm.metricName(), alarm.namespace(), alarm.statistic().awsName(), null, dimensions, alarm.periodSeconds(),
                alarm.unit(), alarm.evaluationPeriods(), alarm.datapointsToAlarm(), alarm.threshold(),
                alarm.comparisonOperator(), alarm.treatMissingData());
    }
}
