package dev.berth.scheduler.schedules;

import dev.berth.common.schedule.ScheduleExpression;
import dev.berth.common.schedule.ScheduleSyntax;
import java.util.Arrays;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;

import dev.berth.common.error.ApiException;
import dev.berth.common.http.PageRequest;
import dev.berth.scheduler.Page;
import dev.berth.scheduler.clusters.ActiveClusters;
import dev.berth.scheduler.taskroles.TaskRoleUse;
import dev.berth.scheduler.tasks.PlacementParameters;
import dev.berth.scheduler.tasks.TaskOverride;
import dev.berth.scheduler.tasks.LaunchTargets;
import dev.berth.scheduler.tasks.TaskLauncher;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import com.google.re2j.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Scheduled tasks: EventBridge rules ({@code cron(…)} or {@code rate(…)} in a time zone) whose
 * target is RunTask in this cluster. Create or replace with PUT, enable or disable with
 * {@code state}, and see the next runs.
 */
@Path("/api/scheduler/v1/clusters/{cluster}/scheduled-tasks")
@Tag(name = "Scheduled tasks")
public class ScheduledTasksResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** The rule and its RunTask parameters (EventBridge's EcsParameters, in RunTask's names). */
    public record PutScheduledTaskRequest(@Schema(examples = "cron(0 9 ? * MON-FRI *)") String scheduleExpression,
                                          @Schema(examples = "Europe/Berlin") String scheduleExpressionTimezone,
                                          @Schema(examples = "ENABLED") String state,
                                          @Schema(examples = "report:2") String taskDefinition, Integer count,
                                          String group, @Schema(implementation = TaskOverride.class) JsonNode overrides,
                                          List<PlacementParameters.ConstraintSpec> placementConstraints,
                                          List<PlacementParameters.StrategySpec> placementStrategy) {
    }

    /** The RunTask a rule starts, as stored with it. */
    public record RunTaskParameters(String taskDefinition, int count, String group,
                                    @Schema(implementation = TaskOverride.class) JsonNode overrides,
                                    List<PlacementParameters.ConstraintSpec> placementConstraints,
                                    List<PlacementParameters.StrategySpec> placementStrategy) {
    }

    /** What the last run did: the tasks started and failures, or the error. */
    public record LastResult(String at, List<String> taskArns, List<TaskLauncher.Failure> failures, String error) {
    }

    public record ScheduledTaskView(String name, String arn, String scheduleExpression, String scheduleExpressionTimezone,
                                    ScheduleState state, @Schema(implementation = RunTaskParameters.class) JsonNode runTask,
                                    List<String> nextRuns, Instant lastRunAt,
                                    @Schema(implementation = LastResult.class) JsonNode lastResult, Instant createdAt) {
        static ScheduledTaskView of(ScheduledTask rule, int shownRuns) {
            return new ScheduledTaskView(rule.name(), rule.arn(), rule.scheduleExpression(), rule.timezone(), rule.state(),
                    rule.runTask(), rule.nextRuns(Instant.now(), shownRuns).stream().map(ZonedDateTime::toString).toList(),
                    rule.lastRunAt(), rule.lastResult(), rule.createdAt());
        }
    }

    /** The answer of PutScheduledTask and DescribeScheduledTask. */
    public record ScheduledTaskResponse(ScheduledTaskView scheduledTask) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListScheduledTasksResponse(List<ScheduledTaskView> scheduledTasks, String nextToken) {
    }

    @Inject
    ActiveClusters clusters;

    @Inject
    ScheduledTaskStore store;

    @Inject
    LaunchTargets targets;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentPrincipal principal;

    @Inject
    SchedulesConfig config;

    private ScheduledTaskView view(ScheduledTask rule) {
        return ScheduledTaskView.of(rule, config.shownNextRuns());
    }

    @PUT
    @Path("{name}")
    @Requires(Action.DEPLOY)
    @Operation(operationId = "PutScheduledTask", summary = "Create or replace a rule that runs a task on a schedule")
    public Uni<ScheduledTaskResponse> put(@PathParam("cluster") String cluster, @PathParam("name") String name,
                                                   PutScheduledTaskRequest request) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "1 to 64 letters, digits, '.', '-' and '_'");
        }
        if (request == null || request.scheduleExpression() == null) {
            throw new InvalidInputException("scheduleExpression", "cron(...) or rate(...) is required");
        }
        ScheduleState state = request.state() == null ? ScheduleState.ENABLED
                : Arrays.stream(ScheduleState.values()).filter(s -> s.name().equals(request.state())).findFirst()
                .orElseThrow(() -> new InvalidInputException("state", "ENABLED or DISABLED, got '" + request.state() + "'"));
        String timezone = request.scheduleExpressionTimezone() == null ? "UTC" : request.scheduleExpressionTimezone();
        Instant now = Instant.now();
        ScheduleExpression.zone(timezone, ScheduleSyntax.EVENT_BRIDGE_RULE);
        ScheduleExpression schedule = ScheduleExpression.parse(request.scheduleExpression(), now, ScheduleSyntax.EVENT_BRIDGE_RULE);
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > 10) {
            throw new InvalidInputException("count", "between 1 and 10, got " + count);
        }
        PlacementParameters.constraints("placementConstraints", request.placementConstraints());
        PlacementParameters.strategies("placementStrategy", request.placementStrategy());
        Instant next = state == ScheduleState.ENABLED ? schedule.nextAfter(now.atZone(ScheduleExpression.zone(timezone, ScheduleSyntax.EVENT_BRIDGE_RULE)))
                .map(ZonedDateTime::toInstant).orElse(null) : null;
        RunTaskParameters runTask = new RunTaskParameters(request.taskDefinition(), count, request.group(),
                request.overrides(), request.placementConstraints(), request.placementStrategy());
        String tenant = principal.tenant();
        TaskRoleUse.require("overrides.taskRoleArn", TaskRoleUse.override(request.overrides()), principal.get(),
                tenant);
        return targets.resolveAllowed(cluster, request.taskDefinition())
                .chain(target -> store.put(tenant, target.cluster().name(), name,
                        request.scheduleExpression(), timezone, state, json.valueToTree(runTask).toString(), next, now))
                .map(rule -> new ScheduledTaskResponse(view(rule)));
    }

    @GET
    @Path("{name}")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeScheduledTask", summary = "Describe a rule with its next runs and last result")
    public Uni<ScheduledTaskResponse> describe(@PathParam("cluster") String cluster, @PathParam("name") String name) {
        return clusters.named(cluster)
                .chain(c -> store.find(c.tenant(), c.name(), name))
                .map(found -> found.orElseThrow(() -> notFound(name)))
                .map(rule -> new ScheduledTaskResponse(view(rule)));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "ListScheduledTasks", summary = "List a cluster's scheduled task rules")
    public Uni<ListScheduledTasksResponse> list(@PathParam("cluster") String cluster, @QueryParam("maxResults") Integer maxResults,
                                         @QueryParam("nextToken") String nextToken) {
        PageRequest paging = PageRequest.of(maxResults, nextToken, 100, 100);
        return clusters.named(cluster)
                .chain(c -> store.list(c.tenant(), c.name(), paging.after(), paging.rowsToRead()))
                .map(found -> Page.of(found, paging, this::view, ScheduledTask::name))
                .map(page -> new ListScheduledTasksResponse(page.items(), page.nextToken()));
    }

    @DELETE
    @Path("{name}")
    @Requires(Action.DEPLOY)
    @Operation(operationId = "DeleteScheduledTask", summary = "Delete a rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(@PathParam("cluster") String cluster, @PathParam("name") String name) {
        return clusters.named(cluster)
                .chain(c -> store.delete(c.tenant(), c.name(), name))
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
