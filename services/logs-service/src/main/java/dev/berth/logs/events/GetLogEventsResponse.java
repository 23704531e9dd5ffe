package dev.berth.logs.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of GetLogEvents, oldest event first, with the tokens to read on in either direction. */
public record GetLogEventsResponse(
        List<OutputEvent> events,
        @Schema(description = "Reads the events after this page") String nextForwardToken,
        @Schema(description = "Reads the events before this page") String nextBackwardToken) {

    /** An event as GetLogEvents returns it; times in epoch milliseconds. */
    public record OutputEvent(long timestamp, String message, long ingestionTime) {
    }
}
