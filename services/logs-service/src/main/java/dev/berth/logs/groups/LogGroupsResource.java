package dev.berth.logs.groups;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import dev.berth.logs.metricfilters.MetricFilterStore;
import dev.berth.logs.requests.Limits;
import dev.berth.logs.requests.Page;
import dev.berth.logs.LogsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CloudWatch Logs' CreateLogGroup, DescribeLogGroups, DeleteLogGroup, PutRetentionPolicy,
 * DeleteRetentionPolicy, TagLogGroup and UntagLogGroup within the caller's tenant. Group names hold '/': send them URL-encoded (%2F) in paths.
 */
@Path("/api/logs/v1/log-groups")
@Tag(name = "Log groups")
public class LogGroupsResource {

    public record CreateLogGroupRequest(
            @Schema(required = true, description = "1 to 512 of letters, digits and '_-./#'",
                    examples = "/berth/acme/web") String logGroupName,
            @Schema(description = "Days events are kept; absent for never", examples = "30") Integer retentionInDays,
            @Schema(description = "At most 50; keys of 1 to 128 characters, values of up to 256")
            Map<String, String> tags) {
    }

    public record RetentionRequest(
            @Schema(required = true, description = "One of CloudWatch's retention periods", examples = "14")
            Integer retentionInDays) {
    }

    public record TagsRequest(@Schema(examples = "{\"team\": \"payments\"}") Map<String, String> tags) {
    }

    @Inject
    LogGroupStore groups;

    @Inject
    MetricFilterStore metricFilters;

    @Inject
    LogAccess access;

    @Inject
    LogsConfig limits;

    @POST
    @Requires(Action.MANAGE)
    @Operation(operationId = "CreateLogGroup", summary = "Create a log group of the caller's tenant")
    public Uni<LogGroupResponse> create(CreateLogGroupRequest request) {
        if (request == null) {
            throw new InvalidInputException("logGroupName", "required");
        }
        String name = LogNames.group("logGroupName", request.logGroupName());
        ReservedGroups.refuse(name);
        Map<String, String> tags = Tags.validate(request.tags());
        return groups.create(access.tenant(), name, RetentionDays.validate(request.retentionInDays()), tags,
                        limits.maxLogGroupsPerTenant())
                .map(group -> new LogGroupResponse(LogGroupView.of(group, 0, 0)));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeLogGroups", summary = "List the tenant's log groups by name")
    public Uni<DescribeLogGroupsResponse> list(@QueryParam("logGroupNamePrefix") String prefix,
                                         @QueryParam("limit") Integer limit, @QueryParam("nextToken") String nextToken) {
        int max = Limits.of(limit, 50, 50);
        return groups.list(access.tenant(), prefix, PageTokens.decode(nextToken), max + 1)
                .chain(found -> views(found).map(views -> Page.of(views, max, view -> view, LogGroupView::logGroupName)))
                .map(page -> new DescribeLogGroupsResponse(page.items(), page.nextToken()));
    }

    @GET
    @Path("{group}")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeLogGroup", summary = "One log group by name")
    public Uni<LogGroupResponse> describe(@PathParam("group") String group) {
        return groups.require(access.tenant(), group)
                .chain(found -> views(List.of(found)))
                .map(views -> new LogGroupResponse(views.get(0)));
    }

    @DELETE
    @Path("{group}")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteLogGroup", summary = "Delete a log group, its streams and metric filters")
    @APIResponse(responseCode = "204", description = "Deleted; its events are removed in the background")
    public Uni<Void> delete(@PathParam("group") String group) {
        access.requireMayChange(group);
        return groups.delete(access.tenant(), group).map(deleted -> {
            if (!deleted) {
                throw LogGroup.notFound(group);
            }
            return null;
        });
    }

    @PUT
    @Path("{group}/retention-policy")
    @Requires(Action.MANAGE)
    @Operation(operationId = "PutRetentionPolicy", summary = "Set how many days the group keeps events")
    public Uni<LogGroupResponse> putRetention(@PathParam("group") String group, RetentionRequest request) {
        if (request == null || request.retentionInDays() == null) {
            throw new InvalidInputException("retentionInDays", "required, one of " + RetentionDays.ALLOWED);
        }
        return retention(group, RetentionDays.validate(request.retentionInDays()));
    }

    @DELETE
    @Path("{group}/retention-policy")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteRetentionPolicy", summary = "Keep the group's events forever")
    public Uni<LogGroupResponse> deleteRetention(@PathParam("group") String group) {
        return retention(group, null);
    }

    private Uni<LogGroupResponse> retention(String group, Integer days) {
        access.requireMayChange(group);
        return groups.putRetention(access.tenant(), group, days)
                .chain(updated -> views(List.of(updated)))
                .map(views -> new LogGroupResponse(views.get(0)));
    }

    @PUT
    @Path("{group}/tags")
    @Requires(Action.MANAGE)
    @Operation(operationId = "TagLogGroup", summary = "Add or replace tags of a log group")
    public Uni<LogGroupResponse> tag(@PathParam("group") String group, TagsRequest request) {
        access.requireMayChange(group);
        Map<String, String> tags = Tags.validate(request == null ? null : request.tags());
        return groups.tag(access.tenant(), group, tags, List.of())
                .chain(updated -> views(List.of(updated)))
                .map(views -> new LogGroupResponse(views.get(0)));
    }

    @DELETE
    @Path("{group}/tags")
    @Requires(Action.MANAGE)
    @Operation(operationId = "UntagLogGroup", summary = "Remove tags of a log group by key")
    public Uni<LogGroupResponse> untag(@PathParam("group") String group,
                                                @QueryParam("tagKeys") List<String> tagKeys) {
        access.requireMayChange(group);
        return groups.tag(access.tenant(), group, Map.of(), tagKeys == null ? List.of() : tagKeys)
                .chain(updated -> views(List.of(updated)))
                .map(views -> new LogGroupResponse(views.get(0)));
    }

    private Uni<List<LogGroupView>> views(List<LogGroup> found) {
        List<Long> ids = found.stream().map(LogGroup::id).toList();
        return groups.storedBytes(ids).chain(bytes -> metricFilters.counts(ids).map(counts -> found.stream()
                .map(g -> LogGroupView.of(g, bytes.getOrDefault(g.id(), 0L), counts.getOrDefault(g.id(), 0)))
                .toList()));
    }
}
