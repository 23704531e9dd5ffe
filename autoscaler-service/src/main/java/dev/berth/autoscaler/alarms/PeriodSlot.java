package dev.berth.autoscaler.alarms;

import java.time.Instant;

/** One period of the evaluation range and its datapoint, null when the period has none. */
record PeriodSlot(Instant periodStart, Datapoint datapoint) {

    boolean isMissing() {
        return datapoint == null;
    }

    boolean breaches(AlarmDefinition definition) {
        return datapoint != null && definition.comparisonOperator().breaches(datapoint.value(), definition.threshold());
    }
}
