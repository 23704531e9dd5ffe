package dev.berth.autoscaler.alarms;

import java.util.Optional;

/**
 * The outcome of one evaluation.
 *
 * @param reason the reason for {@code newState}; empty when TreatMissingData {@code ignore} kept the state,
 *               so the stored reason stands. CloudWatch changes an alarm's reason only with its state, so a
 *               caller stores it when {@link #changed()}.
 */
public record Evaluation(AlarmState previousState, AlarmState newState, Optional<StateReason> reason) {

    public boolean changed() {
        return previousState != newState;
    }
}
