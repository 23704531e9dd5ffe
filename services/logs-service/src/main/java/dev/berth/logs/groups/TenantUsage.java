package dev.berth.logs.groups;

/** What a tenant stores: bytes as CloudWatch counts them (message + 26 per event), events and groups. */
public record TenantUsage(long storedBytes, long storedEvents, long logGroups) {
}
