package dev.berth.autoscaler.scaling;

/** The state of the alarm behind a policy, as CloudWatch's StateValue. */
public enum AlarmState {
    OK,
    ALARM,
    INSUFFICIENT_DATA
}
