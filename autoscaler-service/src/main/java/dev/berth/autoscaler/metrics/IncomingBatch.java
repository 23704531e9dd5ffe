package dev.berth.autoscaler.metrics;

import java.util.List;

/** A MetricBatch from berth.metrics: its envelope id (for deduplication), tenant and samples. */
public record IncomingBatch(String id, String tenant, List<Sample> samples) {
}
