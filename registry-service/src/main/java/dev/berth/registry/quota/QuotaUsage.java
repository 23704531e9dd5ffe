package dev.berth.registry.quota;

/** How much of its storage quota a tenant uses; {@code limitBytes} is null when it has none. */
public record QuotaUsage(String registryId, long usedBytes, Long limitBytes) {
}
