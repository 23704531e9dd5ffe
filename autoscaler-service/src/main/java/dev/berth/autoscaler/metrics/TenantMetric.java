package dev.berth.autoscaler.metrics;

/** A metric of a tenant: what the store's metric ids stand for. */
public record TenantMetric(String tenant, MetricKey key) {
}
