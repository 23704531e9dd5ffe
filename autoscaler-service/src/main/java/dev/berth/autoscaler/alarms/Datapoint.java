package dev.berth.autoscaler.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * One period's value of the alarm's statistic, as the metric store aggregated it.
 *
 * @param periodStart start of the period the value covers (aligned as {@link EvaluationRange} says)
 * @param sampleCount raw samples behind the value, shown in StateReasonData; null when unknown
 */
public record Datapoint(Instant periodStart, double value, Double sampleCount) {

    public Datapoint {
        Objects.requireNonNull(periodStart, "periodStart");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("datapoint value must be finite: " + value);
        }
    }

    public Datapoint(Instant periodStart, double value) {
        this(periodStart, value, null);
    }
}
