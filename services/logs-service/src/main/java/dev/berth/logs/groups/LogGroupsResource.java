package dev.berth.logs.groups;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import dev.berth.logs.metricfilters.MetricFilterStore;
import dev.berth.logs.requests.Limits;
import dev.berth.logs.requests.TenantLimits;
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

/**
 * CloudWatch Logs' CreateLogGroup, DescribeLogGroups, DeleteLogGroup, PutRetentionPolicy,
 * DeleteRetentionPolicy, TagLogGroup and UntagLogGroup within the caller's tenant. Group names hold '/': send them URL-encoded (%2F) in paths.
 */
@Path("/api/logs/v1/log-groups")
public class LogGroupsResource {

    public record CreateLogGroupRequest(String logGroupName, Integer retentionInDays, Map<String, String> tags) {
    }

    public record RetentionRequest(Integer retentionInDays) {
    }

    public record TagsRequest(Map<String, String> tags) {
    }

    @Inject
    LogGroupStore groups;

    @Inject
    MetricFilterStore metricFilters;

    @Inject
    LogAccess access;

    @Inject
    TenantLimits limits;

    @POST
    @Requires(Action.MANAGE)
    public Uni<Map<String, LogGroupView>> create(CreateLogGroupRequest request) {
        if (request == null) {
            throw new InvalidInputException("logGroupName", "required");
        }
        String name = LogNames.group("logGroupName", request.logGroupName());
        ReservedGroups.refuse(name);
        Map<String, String> tags = Tags.validate(request.tags());
        return groups.create(access.tenant(), name, RetentionDays.validate(request.retentionInDays()), tags,
                        limits.maxLogGroupsPerTenant())
                .map(group -> Map.of("logGroup", LogGroupView.of(group, 0, 0)));
    }

    @GET
    @Requires(Action.READ)
    public Uni<Map<String, Object>> list(@QueryParam("logGroupNamePrefix") String prefix,
                                         @QueryParam("limit") Integer limit, @QueryParam("nextToken") String nextToken) {
        int max = Limits.of(limit, 50, 50);
        return groups.list(access.tenant(), prefix, PageTokens.decode(nextToken), max + 1)
                .chain(found -> views(found).map(views -> PageTokens.page("logGroups", views, max, view -> view,
                        LogGroupView::logGroupName)));
    }

    @GET
    @Path("{group}")
    @Requires(Action.READ)
    public Uni<Map<String, LogGroupView>> describe(@PathParam("group") String group) {
        return groups.require(access.tenant(), group)
                .chain(found -> views(List.of(found)))
                .map(views -> Map.of("logGroup", views.get(0)));
    }

    @DELETE
    @Path("{group}")
    @Requires(Action.MANAGE)
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
    public Uni<Map<String, LogGroupView>> putRetention(@PathParam("group") String group, RetentionRequest request) {
        if (request == null || request.retentionInDays() == null) {
            throw new InvalidInputException("retentionInDays", "required, one of " + RetentionDays.ALLOWED);
        }
        return retention(group, RetentionDays.validate(request.retentionInDays()));
    }

    @DELETE
    @Path("{group}/retention-policy")
    @Requires(Action.MANAGE)
    public Uni<Map<String, LogGroupView>> deleteRetention(@PathParam("group") String group) {
        return retention(group, null);
    }

    private Uni<Map<String, LogGroupView>> retention(String group, Integer days) {
        access.requireMayChange(group);
        return groups.putRetention(access.tenant(), group, days)
                .chain(updated -> views(List.of(updated)))
                .map(views -> Map.of("logGroup", views.get(0)));
    }

    @PUT
    @Path("{group}/tags")
    @Requires(Action.MANAGE)
    public Uni<Map<String, LogGroupView>> tag(@PathParam("group") String group, TagsRequest request) {
        access.requireMayChange(group);
        Map<String, String> tags = Tags.validate(request == null ? null : request.tags());
        return groups.tag(access.tenant(), group, tags, List.of())
                .chain(updated -> views(List.of(updated)))
                .map(views -> Map.of("logGroup", views.get(0)));
    }

    @DELETE
    @Path("{group}/tags")
    @Requires(Action.MANAGE)
    public Uni<Map<String, LogGroupView>> untag(@PathParam("group") String group,
                                                @QueryParam("tagKeys") List<String> tagKeys) {
        access.requireMayChange(group);
        return groups.tag(access.tenant(), group, Map.of(), tagKeys == null ? List.of() : tagKeys)
                .chain(updated -> views(List.of(updated)))
                .map(views -> Map.of("logGroup", views.get(0)));
    }

    private Uni<List<LogGroupView>> views(List<LogGroup> found) {
        List<Long> ids = found.stream().map(LogGroup::id).toList();
        return groups.storedBytes(ids).chain(bytes -> metricFilters.counts(ids).map(counts -> found.stream()
                .map(g -> LogGroupView.of(g, bytes.getOrDefault(g.id(), 0L), counts.getOrDefault(g.id(), 0)))
                .toList()));
    }
}
