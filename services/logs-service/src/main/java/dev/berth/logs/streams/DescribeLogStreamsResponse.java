package dev.berth.logs.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of DescribeLogStreams. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeLogStreamsResponse(
        List<LogStreamView> logStreams,
        @Schema(description = "Absent on the last page; pass it back to read on") String nextToken) {
}
