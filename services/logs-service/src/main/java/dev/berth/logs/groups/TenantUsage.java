package dev.berth.logs.groups;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a tenant stores: bytes as CloudWatch counts them (message + 26 per event), events and groups. */
public record TenantUsage(
        @Schema(description = "Message bytes in UTF-8 plus 26 per event; berth.logs.tenant-quota-bytes caps it")
        long storedBytes,
        long storedEvents,
        long logGroups) {
}
