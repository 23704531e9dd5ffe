package dev.berth.logs.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A log event as clients and agents send it: epoch milliseconds and the message. */
public record InputEvent(
        @Schema(description = "Epoch milliseconds", examples = "1764770400000") long timestamp,
        @Schema(description = "At most 1 MiB minus 26 bytes in UTF-8", examples = "GET /health 200 3ms") String message) {
}
