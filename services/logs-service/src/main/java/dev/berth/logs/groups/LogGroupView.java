package dev.berth.logs.groups;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A log group as DescribeLogGroups shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogGroupView(String logGroupName, String arn, long creationTime, Integer retentionInDays,
                           long storedBytes, int metricFilterCount, Map<String, String> tags) {

    public static LogGroupView of(LogGroup group, long storedBytes, int metricFilterCount) {
        return new LogGroupView(group.name(), arn(group.tenant(), group.name()), group.createdAt().toEpochMilli(),
                group.retentionDays(), storedBytes, metricFilterCount, group.tags());
    }

    public static String arn(String tenant, String group) {
        return "arn:berth:logs:" + tenant + ":log-group:" + group;
    }
}
