package dev.berth.autoscaler.alarms;

import java.util.List;

/**
 * An alarm as a scaling policy reads it when it acts: its state, threshold, AlarmActions and the real
 * datapoints its last evaluation counted (oldest first; empty when it had none).
 */
public record AlarmSnapshot(String alarmName, AlarmState state, double threshold, List<String> alarmActions,
        List<Double> evaluatedValues) {

    public AlarmSnapshot {
        alarmActions = List.copyOf(alarmActions);
        evaluatedValues = List.copyOf(evaluatedValues);
    }

    /** The newest datapoint the last evaluation counted, or null. */
    public Double latestValue() {
        return evaluatedValues.isEmpty() ? null : evaluatedValues.getLast();
    }
}
