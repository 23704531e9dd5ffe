package dev.berth.autoscaler.alarms;

/**
 * Why an alarm is in its state: StateReason's text and StateReasonData (null when CloudWatch gives none,
 * as for a new alarm).
 */
public record StateReason(String text, StateReasonData data) {

    /** The reason of every new alarm, in INSUFFICIENT_DATA until its first evaluation. */
    public static final StateReason INITIAL = new StateReason("Unchecked: Initial alarm creation", null);

    /** CloudWatch's limit on StateReason. */
    public static final int MAX_TEXT_LENGTH = 1023;
}
