package dev.berth.logs.groups;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A log group as DescribeLogGroups shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogGroupView(
        @Schema(examples = "/berth/acme/web") String logGroupName,
        @Schema(examples = "arn:berth:logs:acme:log-group:/berth/acme/web") String arn,
        @Schema(description = "Epoch milliseconds") long creationTime,
        @Schema(description = "Absent when events never expire", examples = "30") Integer retentionInDays,
        @Schema(description = "Message bytes in UTF-8 plus 26 per event, over what retention keeps") long storedBytes,
        int metricFilterCount,
        Map<String, String> tags) {

    public static LogGroupView of(LogGroup group, long storedBytes, int metricFilterCount) {
        return new LogGroupView(group.name(), arn(group.tenant(), group.name()), group.createdAt().toEpochMilli(),
                group.retentionDays(), storedBytes, metricFilterCount, group.tags());
    }

    public static String arn(String tenant, String group) {
        return "arn:berth:logs:" + tenant + ":log-group:" + group;
    }
}
