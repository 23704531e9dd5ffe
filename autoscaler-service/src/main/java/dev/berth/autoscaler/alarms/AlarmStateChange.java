package dev.berth.autoscaler.alarms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An alarm's move from one state to another: what its StateUpdate history item and its
 * "CloudWatch Alarm State Change" event tell.
 */
public record AlarmStateChange(String alarmName, Instant timestamp, AlarmState oldState, StateReason oldReason,
                               AlarmState newState, StateReason newReason) {

    public AlarmStateChange {
        Objects.requireNonNull(oldState, "oldState");
        Objects.requireNonNull(newState, "newState");
        if (oldState == newState) {
            throw new IllegalArgumentException("not a change: " + oldState + " to " + newState);
        }
    }

    /** The change an evaluation makes, if it makes one. */
    public static Optional<AlarmStateChange> of(String alarmName, Instant at, StateReason oldReason, Evaluation evaluation) {
        if (!evaluation.changed()) {
            return Optional.empty();
        }
        return Optional.of(new AlarmStateChange(alarmName, at, evaluation.previousState(), oldReason,
                evaluation.newState(), evaluation.reason().orElseThrow()));
    }

    /** {@code Alarm updated from INSUFFICIENT_DATA to ALARM}. */
    public String summary() {
        return "Alarm updated from " + oldState.awsName() + " to " + newState.awsName();
    }

    public AlarmHistoryItem historyItem() {
        return new AlarmHistoryItem(alarmName, timestamp, HistoryItemType.STATE_UPDATE, summary());
    }
}
