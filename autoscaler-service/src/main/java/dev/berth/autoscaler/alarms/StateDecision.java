package dev.berth.autoscaler.alarms;

import java.util.List;
import java.util.Optional;

/**
 * What the datapoints say.
 *
 * @param state     empty when TreatMissingData {@code ignore} keeps the current state
 * @param evaluated the EvaluationPeriods periods the decision counted, oldest first; missing ones among
 *                  them were filled or unknown
 * @param filled    missing periods counted as breaching or not breaching by TreatMissingData
 */
record StateDecision(Optional<AlarmState> state, List<PeriodSlot> evaluated, int filled) {
}
