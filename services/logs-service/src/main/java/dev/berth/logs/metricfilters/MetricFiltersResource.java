package dev.berth.logs.metricfilters;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import dev.berth.logs.LogsConfig;
import dev.berth.logs.filter.FilterPattern;
import dev.berth.logs.groups.LogGroup;
import dev.berth.logs.groups.LogNames;
import dev.berth.logs.requests.CallerLogs;
import dev.berth.logs.requests.LimitExceededException;
import dev.berth.logs.requests.Limits;
import dev.berth.logs.requests.Page;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CloudWatch Logs' PutMetricFilter, DescribeMetricFilters and DeleteMetricFilter. */
@Path("/api/logs/v1/metric-filters")
@Tag(name = "Metric filters")
public class MetricFiltersResource {

    public record PutMetricFilterRequest(
            @Schema(required = true, examples = "/berth/acme/web") String logGroupName,
            @Schema(required = true, examples = "errors") String filterName,
            @Schema(description = "CloudWatch Logs filter pattern syntax", examples = "{ $.level = \"ERROR\" }")
            String filterPattern,
            @Schema(required = true, description = "Exactly one") List<MetricTransformation> metricTransformations) {
    }


    @Inject
    MetricFilterStore store;

    @Inject
    MetricFilterPublisher publisher;

    @Inject
    CallerLogs logs;

    @Inject
    LogsConfig limits;

    @POST
    @Requires(Action.MANAGE)
    @Operation(operationId = "PutMetricFilter", summary = "Create or replace a metric filter of a log group")
    public Uni<MetricFilterResponse> put(PutMetricFilterRequest request) {
        if (request == null) {
            throw new InvalidInputException("logGroupName", "required");
        }
        String group = LogNames.group("logGroupName", request.logGroupName());
        String name = LogNames.stream("filterName", request.filterName());
        FilterPattern pattern = FilterPattern.parse(request.filterPattern());
        List<MetricTransformation> transformations = MetricTransformations.validate(request.metricTransformations());
        String tenant = logs.tenant();
        return logs.group(group)
                .call(g -> pattern.regularExpressions() == 0 ? Uni.createFrom().voidItem()
                        : store.withRegularExpressions(g.id(), name).invoke(count -> {
                            if (count >= limits.maxRegexMetricFiltersPerGroup()) {
                                throw new LimitExceededException("filterPattern", "at most "
                                        + limits.maxRegexMetricFiltersPerGroup()
                                        + " metric filters of a log group may use regular expressions");
                            }
                        }))
                .chain(g -> store.put(tenant, g.id(), group, name, pattern, transformations,
                                limits.maxMetricFiltersPerGroup())
                        .invoke(() -> publisher.changed(g.id())))
                .map(filter -> new MetricFilterResponse(MetricFilterView.of(filter)));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeMetricFilters", summary = "List metric filters, of one group or of the tenant")
    public Uni<DescribeMetricFiltersResponse> list(@QueryParam("logGroupName") String logGroupName,
                                         @QueryParam("filterNamePrefix") String prefix,
                                         @QueryParam("limit") Integer limit,
                                         @QueryParam("nextToken") String nextToken) {
        int max = Limits.of(limit, 50, 50);
        String after = PageTokens.decode(nextToken);
        if (after != null && after.indexOf('\0') < 0) {
            throw new InvalidInputException("nextToken", "not a token this API gave out");
        }
        String tenant = logs.tenant();
        Uni<Long> groupId = logGroupName == null ? Uni.createFrom().nullItem()
                : logs.group(logGroupName).map(LogGroup::id);
        return groupId.chain(id -> store.list(tenant, id, prefix, after, max + 1))
                .map(found -> Page.of(found, max, MetricFilterView::of, f -> f.logGroupName() + "\0" + f.filterName()))
                .map(page -> new DescribeMetricFiltersResponse(page.items(), page.nextToken()));
    }

    @DELETE
    @Path("{filterName}")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteMetricFilter", summary = "Delete a metric filter of a log group")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(@PathParam("filterName") String filterName, @QueryParam("logGroupName") String logGroupName) {
        String group = LogNames.group("logGroupName", logGroupName);
        return logs.group(group)
                .chain(g -> store.delete(g.id(), filterName).invoke(() -> publisher.changed(g.id())))
                .map(deleted -> {
                    if (!deleted) {
                        throw new ApiException(ErrorCode.NOT_FOUND,
                                "The specified metric filter does not exist: " + filterName);
                    }
                    return null;
                });
    }
}
