package dev.berth.autoscaler.alarms;

import java.time.Instant;

/**
 * A tenant's alarm as stored: its definition (whose ActionsEnabled is the current one), its state and when
 * it is evaluated next.
 *
 * @param stateReasonData JSON text; null when the state has none (a new alarm)
 */
public record StoredAlarm(String tenant, AlarmDefinition definition, AlarmState state, String stateReason,
                          String stateReasonData, Instant stateUpdatedAt, Instant stateTransitionedAt,
                          Instant configurationUpdatedAt, Instant nextEvaluationAt) {

    public String arn() {
        return AlarmArns.of(tenant, definition.alarmName());
    }
}
