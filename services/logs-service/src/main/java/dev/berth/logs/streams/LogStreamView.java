package dev.berth.logs.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.logs.groups.LogGroupView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A log stream as DescribeLogStreams shows it; times in epoch milliseconds, absent until its first event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogStreamView(
        @Schema(examples = "web/0f3c2a") String logStreamName,
        String arn,
        long creationTime,
        Long firstEventTimestamp,
        Long lastEventTimestamp,
        Long lastIngestionTime) {

    static LogStreamView of(String tenant, String group, LogStream s) {
        return new LogStreamView(s.name(), LogGroupView.arn(tenant, group) + ":log-stream:" + s.name(),
                s.createdAt().toEpochMilli(), s.firstEventAt(), s.lastEventAt(), s.lastIngestedAt());
    }
}
