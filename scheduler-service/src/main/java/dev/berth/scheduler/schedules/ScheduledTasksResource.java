package dev.berth.scheduler.schedules;

import dev.berth.common.error.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import static dev.berth.common.error.ApiException.invalidParameter;

import dev.berth.common.error.ApiException;
import dev.berth.common.http.PageTokens;
import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.clusters.ClusterStore;
import dev.berth.scheduler.clusters.ElevatedAccessCheck;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionDocuments;
import dev.berth.scheduler.taskroles.TaskRoleUse;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionStore;
import dev.berth.scheduler.tasks.PlacementParameters;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scheduled tasks: EventBridge rules ({@code cron(…)} or {@code rate(…)} in a time zone) whose
 * target is RunTask in this cluster. Create or replace with PUT, enable or disable with
 * {@code state}, and see the next runs.
 */
@Path("/api/scheduler/v1/clusters/{cluster}/scheduled-tasks")
public class ScheduledTasksResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int SHOWN_RUNS = 5;

    /** The rule and its RunTask parameters (EventBridge's EcsParameters, in RunTask's names). */
    public record PutScheduledTaskRequest(String scheduleExpression, String scheduleExpressionTimezone, String state,
                                          String taskDefinition, Integer count, String group, JsonNode overrides,
                                          List<PlacementParameters.ConstraintSpec> placementConstraints,
                                          List<PlacementParameters.StrategySpec> placementStrategy) {
    }

    public record ScheduledTaskView(String name, String arn, String scheduleExpression, String scheduleExpressionTimezone,
                                    String state, JsonNode runTask, List<String> nextRuns, Instant lastRunAt,
                                    JsonNode lastResult, Instant createdAt) {
        static ScheduledTaskView of(ScheduledTask rule) {
            return new ScheduledTaskView(rule.name(), rule.arn(), rule.scheduleExpression(), rule.timezone(), rule.state(),
                    rule.runTask(), rule.nextRuns(Instant.now(), SHOWN_RUNS).stream().map(ZonedDateTime::toString).toList(),
                    rule.lastRunAt(), rule.lastResult(), rule.createdAt());
        }
    }

    @Inject
    ClusterStore clusters;

    @Inject
    ScheduledTaskStore store;

    @Inject
    TaskDefinitionStore definitions;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentPrincipal principal;

    @Inject
    TaskDefinitionDocuments documents;

    @PUT
    @Path("{name}")
    @Requires(Action.DEPLOY)
    public Uni<Map<String, ScheduledTaskView>> put(@PathParam("cluster") String cluster, @PathParam("name") String name,
                                                   PutScheduledTaskRequest request) {
        if (!NAME.matcher(name).matches()) {
            throw invalidParameter("name: 1 to 64 letters, digits, '.', '-' and '_'");
        }
        if (request == null || request.scheduleExpression() == null) {
            throw invalidParameter("scheduleExpression: cron(...) or rate(...) is required");
        }
        String state = request.state() == null ? "ENABLED" : request.state();
        if (!List.of("ENABLED", "DISABLED").contains(state)) {
            throw invalidParameter("state: ENABLED or DISABLED, got '" + state + "'");
        }
        String timezone = request.scheduleExpressionTimezone() == null ? "UTC" : request.scheduleExpressionTimezone();
        Instant now = Instant.now();
        ScheduleExpression.zone(timezone);
        ScheduleExpression schedule = ScheduleExpression.parse(request.scheduleExpression(), now);
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > 10) {
            throw invalidParameter("count: between 1 and 10, got " + count);
        }
        PlacementParameters.constraints("placementConstraints", request.placementConstraints());
        PlacementParameters.strategies("placementStrategy", request.placementStrategy());
        Instant next = "ENABLED".equals(state) ? schedule.nextAfter(now.atZone(ScheduleExpression.zone(timezone)))
                .map(ZonedDateTime::toInstant).orElse(null) : null;
        Map<String, Object> runTask = new LinkedHashMap<>();
        runTask.put("taskDefinition", request.taskDefinition());
        runTask.put("count", count);
        runTask.put("group", request.group());
        runTask.put("overrides", request.overrides());
        runTask.put("placementConstraints", request.placementConstraints());
        runTask.put("placementStrategy", request.placementStrategy());
        String tenant = principal.tenant();
        TaskRoleUse.require("overrides.taskRoleArn", TaskRoleUse.override(request.overrides()), principal.get(),
                tenant);
        String clusterName = Cluster.nameOf(cluster);
        return clusters.requireActive(tenant, clusterName)
                .chain(c -> definitions.requireActive(tenant, request.taskDefinition())
                        .invoke(definition -> ElevatedAccessCheck.require(
                                documents.spec(documents.parse(definition.document())), c)))
                .chain(found -> UniHelper.toUni(store.put(tenant, clusterName, name, request.scheduleExpression(), timezone,
                        state, json.valueToTree(runTask).toString(), next, now)))
                .map(rule -> Map.of("scheduledTask", ScheduledTaskView.of(rule)));
    }

    @GET
    @Path("{name}")
    @Requires(Action.READ)
    public Uni<Map<String, ScheduledTaskView>> describe(@PathParam("cluster") String cluster, @PathParam("name") String name) {
        String tenant = principal.tenant();
        String clusterName = Cluster.nameOf(cluster);
        return clusters.requireActive(tenant, clusterName)
                .chain(c -> UniHelper.toUni(store.find(tenant, clusterName, name)))
                .map(found -> found.orElseThrow(() -> notFound(name)))
                .map(rule -> Map.of("scheduledTask", ScheduledTaskView.of(rule)));
    }

    @GET
    @Requires(Action.READ)
    public Uni<Map<String, Object>> list(@PathParam("cluster") String cluster, @QueryParam("maxResults") Integer maxResults,
                                         @QueryParam("nextToken") String nextToken) {
        int limit = PageTokens.limit(maxResults, 100, 100);
        String after = PageTokens.decode(nextToken);
        String tenant = principal.tenant();
        String clusterName = Cluster.nameOf(cluster);
        return clusters.requireActive(tenant, clusterName)
                .chain(c -> UniHelper.toUni(store.list(tenant, clusterName, after, limit + 1)))
                .map(found -> PageTokens.page("scheduledTasks", found, limit, ScheduledTaskView::of, ScheduledTask::name));
    }

    @DELETE
    @Path("{name}")
    @Requires(Action.DEPLOY)
    public Uni<Void> delete(@PathParam("cluster") String cluster, @PathParam("name") String name) {
        String tenant = principal.tenant();
        String clusterName = Cluster.nameOf(cluster);
        return clusters.requireActive(tenant, clusterName)
                .chain(c -> UniHelper.toUni(store.delete(tenant, clusterName, name)))
                .map(deleted -> {
                    if (!deleted) {
                        throw notFound(name);
                    }
                    return null;
                });
    }

    private static ApiException notFound(String name) {
        return new ApiException(ErrorCode.NOT_FOUND, "No scheduled task '" + name + "'.");
    }

}
