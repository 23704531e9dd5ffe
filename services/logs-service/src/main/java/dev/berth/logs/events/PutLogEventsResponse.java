package dev.berth.logs.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PutLogEvents' answer once the batch is on its way to storage. */
public record PutLogEventsResponse(
        @Schema(description = "The id of the batch; CloudWatch no longer requires it") String nextSequenceToken) {
}
