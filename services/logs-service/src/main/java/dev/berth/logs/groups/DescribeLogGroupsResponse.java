package dev.berth.logs.groups;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of DescribeLogGroups. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeLogGroupsResponse(
        List<LogGroupView> logGroups,
        @Schema(description = "Absent on the last page; pass it back to read on") String nextToken) {
}
