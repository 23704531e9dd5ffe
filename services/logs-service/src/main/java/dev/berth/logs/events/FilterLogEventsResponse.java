package dev.berth.logs.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of FilterLogEvents; it may hold fewer events than the limit, or none, and still have a nextToken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterLogEventsResponse(
        List<FilteredEvent> events,
        @Schema(description = "Absent when the time range is searched to its end") String nextToken) {

    /** A matching event and its stream; times in epoch milliseconds. */
    public record FilteredEvent(String logStreamName, long timestamp, String message, long ingestionTime,
                                String eventId) {
    }
}
