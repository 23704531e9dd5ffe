package dev.berth.autoscaler.scaling;

import dev.berth.autoscaler.alarms.AlarmState;

/**
 * What a policy needs of its alarm when it is evaluated: name, state, threshold and the metric value to act
 * on (for target tracking the latest datapoint, for step scaling the datapoints aggregated with the
 * policy's MetricAggregationType); {@code metricValue} is null when there is none (NaN and infinities count
 * as none).
 */
public record AlarmReading(String alarmName, AlarmState state, double threshold, Double metricValue) {

    public AlarmReading {
        if (alarmName == null || state == null) {
            throw new IllegalArgumentException("an alarm reading needs the alarm's name and state");
        }
        if (metricValue != null && !Double.isFinite(metricValue)) {
            metricValue = null;
        }
    }

    boolean inAlarm() {
        return state == AlarmState.ALARM;
    }
}
