package dev.berth.autoscaler.metrics;

import java.time.Instant;

/**
 * Data of one metric at one time, validated, ready to store.
 *
 * @param highResolution kept at 1-second resolution (3 hours) besides the 1-minute sets
 */
public record Sample(String tenant, MetricKey key, Instant timestamp, SampleSet set, StandardUnit unit,
                     boolean highResolution) {
}
