package dev.berth.scheduler.tasks;

import dev.berth.common.error.InvalidInputException;
import dev.berth.common.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;

import dev.berth.common.error.ApiException;
import dev.berth.common.http.PageRequest;
import dev.berth.scheduler.Failure;
import dev.berth.scheduler.Page;
import dev.berth.scheduler.clusters.ActiveClusters;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.tags.Include;
import dev.berth.scheduler.tags.PropagateTags;
import dev.berth.scheduler.tags.Tag;
import dev.berth.scheduler.tags.TagRules;
import dev.berth.scheduler.tags.TagStore;
import dev.berth.scheduler.taskdefinitions.StoredTaskDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionStore;
import dev.berth.scheduler.taskroles.TaskRoleUse;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ECS's RunTask, StartTask, StopTask, DescribeTasks and ListTasks for one cluster. */
@Path("/api/scheduler/v1/clusters/{cluster}/tasks")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tasks")
public class TasksResource {

    public record RunTaskRequest(@Schema(examples = "web:3") String taskDefinition, @Schema(examples = "2") Integer count,
                                 String group, String startedBy,
                                 @Schema(implementation = TaskOverride.class) JsonNode overrides,
                                 List<PlacementParameters.StrategySpec> placementStrategy,
                                 List<PlacementParameters.ConstraintSpec> placementConstraints, String clientToken,
                                 String launchType, List<Tag> tags, String propagateTags, Boolean enableECSManagedTags,
                                 Boolean enableExecuteCommand) {
    }

    public record StartTaskRequest(String taskDefinition, List<String> containerInstances, String group,
                                   String startedBy, @Schema(implementation = TaskOverride.class) JsonNode overrides,
                                   List<Tag> tags, String propagateTags,
                                   Boolean enableECSManagedTags, Boolean enableExecuteCommand) {
    }

    public record StopTaskRequest(String reason) {
    }

    public record DescribeTasksRequest(List<String> tasks, @Schema(examples = "[\"TAGS\"]") List<String> include) {
    }

    /** ECS's RunTask and StartTask answer: the tasks started and, for those that found no host, why. */
    public record RunTaskResponse(List<TaskView> tasks, List<TaskLauncher.Failure> failures) {
    }

    /** The answer of StopTask and of describing one task. */
    public record TaskResponse(TaskView task) {
    }

    /** ECS's DescribeTasks answer; unknown tasks come back as failures with reason MISSING. */
    public record DescribeTasksResponse(List<TaskView> tasks, List<Failure> failures) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListTasksResponse(List<String> taskArns, String nextToken) {
    }

    @Inject
    ActiveClusters clusters;

    @Inject
    TaskDefinitionStore definitions;

    @Inject
    LaunchTargets targets;

    @Inject
    TaskLauncher launcher;

    @Inject
    TaskTermination termination;

    @Inject
    TaskStore tasks;

    @Inject
    RunTaskRequests requests;

    @Inject
    CurrentPrincipal principal;

    @Inject
    TagStore tagStore;

    @POST
    @Requires(Action.DEPLOY)
    @Operation(operationId = "RunTask", summary = "Run tasks of a task definition on hosts the placement picks")
    public Uni<RunTaskResponse> run(@PathParam("cluster") String cluster, RunTaskRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "a RunTask request is required");
        }
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > 10) {
            throw new InvalidInputException("count", "between 1 and 10, got " + count);
        }
        if (request.launchType() != null && !List.of("EC2", "EXTERNAL").contains(request.launchType())) {
            throw new InvalidInputException("launchType", "Berth runs EC2 and EXTERNAL launch types, not " + request.launchType());
        }
        validateLabels(request.group(), request.startedBy());
        if (request.clientToken() != null && (request.clientToken().isBlank() || request.clientToken().length() > 64)) {
            throw new InvalidInputException("clientToken", "1 to 64 characters");
        }
        var constraints = PlacementParameters.constraints("placementConstraints", request.placementConstraints());
        var strategies = PlacementParameters.strategies("placementStrategy", request.placementStrategy());
        List<Tag> tags = TagRules.check("tags", request.tags());
        PropagateTags propagate = taskPropagation(request.propagateTags());
        refuseUnsupported(request.enableECSManagedTags(), request.enableExecuteCommand());
        String tenant = principal.tenant();
        TaskRoleUse.require("overrides.taskRoleArn", TaskRoleUse.override(request.overrides()), principal.get(), tenant);
        return clusters.named(cluster).chain(c -> {
            Supplier<Uni<RunTaskResponse>> run = () -> definitions.requireActive(tenant, request.taskDefinition())
                    .chain(definition -> launch(TaskLauncher.Launch.runTask(tenant, c.name(), definition,
                            request.overrides(), count, groupOr(request.group(), definition), request.startedBy(),
                            constraints, strategies, tags, propagate)));
            return request.clientToken() == null ? run.get()
                    : requests.once(tenant, c.name(), request.clientToken(), request, run);
        });
    }

    @POST
    @Path("start")
    @Requires(Action.DEPLOY)
    @Operation(operationId = "StartTask", summary = "Start tasks of a task definition on the container instances named")
    public Uni<RunTaskResponse> start(@PathParam("cluster") String cluster, StartTaskRequest request) {
        if (request == null || request.containerInstances() == null || request.containerInstances().isEmpty()) {
            throw new InvalidInputException("containerInstances", "at least one container instance is required");
        }
        if (request.containerInstances().size() > 10) {
            throw new InvalidInputException("containerInstances", "at most 10, got " + request.containerInstances().size());
        }
        validateLabels(request.group(), request.startedBy());
        List<Tag> tags = TagRules.check("tags", request.tags());
        PropagateTags propagate = taskPropagation(request.propagateTags());
        refuseUnsupported(request.enableECSManagedTags(), request.enableExecuteCommand());
        String tenant = principal.tenant();
        TaskRoleUse.require("overrides.taskRoleArn", TaskRoleUse.override(request.overrides()), principal.get(), tenant);
        List<String> hostIds = request.containerInstances().stream().map(Host::idOf).toList();
        return targets.resolve(cluster, request.taskDefinition())
                .chain(target -> launch(TaskLauncher.Launch.startTask(tenant, target.cluster().name(),
                        target.definition(), request.overrides(), hostIds, groupOr(request.group(), target.definition()),
                        request.startedBy(), tags, propagate)));
    }

    @POST
    @Path("{task}/stop")
    @Requires(Action.DEPLOY)
    @Operation(operationId = "StopTask", summary = "Stop a task")
    public Uni<TaskResponse> stop(@PathParam("cluster") String cluster, @PathParam("task") String task,
                                           StopTaskRequest request) {
        String reason = request == null || request.reason() == null ? "Task stopped by " + principal.get().name()
                : request.reason();
        if (reason.length() > 255) {
            throw new InvalidInputException("reason", "at most 255 characters");
        }
        return clusters.named(cluster)
                .chain(c -> termination.stop(c.tenant(), c.name(), Task.idOf(task), "UserInitiated",
                        reason))
                .map(stopped -> new TaskResponse(TaskView.of(stopped)));
    }

    @GET
    @Path("{task}")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeTask", summary = "Describe one task; include=TAGS adds its tags")
    public Uni<TaskResponse> describe(@PathParam("cluster") String cluster, @PathParam("task") String task,
                                              @QueryParam("include") List<String> include) {
        boolean withTags = Include.tags("include", include);
        return clusters.named(cluster)
                .chain(c -> tasks.find(c.tenant(), c.name(), List.of(Task.idOf(task)))
                        .map(found -> found.stream().findFirst().orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                                "task: no task '" + task + "' in cluster " + c.name()))))
                .chain(found -> withTags(List.of(found), withTags))
                .map(views -> new TaskResponse(views.get(0)));
    }

    /** The tasks' views, with their tags when asked for. */
    private Uni<List<TaskView>> withTags(List<Task> found, boolean withTags) {
        List<TaskView> views = found.stream().map(TaskView::of).toList();
        if (!withTags || found.isEmpty()) {
            return Uni.createFrom().item(views);
        }
        return tagStore.ofResources(found.get(0).tenant(), views.stream().map(TaskView::taskArn).toList())
                .map(byArn -> views.stream().map(v -> v.withTags(byArn.getOrDefault(v.taskArn(), List.of()))).toList());
    }

    /** ECS's DescribeTasks: up to 100 tasks; unknown ones come back as failures with reason MISSING. */
    @POST
    @Path("describe")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeTasks", summary = "Describe up to 100 tasks")
    public Uni<DescribeTasksResponse> describeMany(@PathParam("cluster") String cluster, DescribeTasksRequest request) {
        if (request == null || request.tasks() == null || request.tasks().isEmpty() || request.tasks().size() > 100) {
            throw new InvalidInputException("tasks", "1 to 100 task ids or ARNs");
        }
        boolean withTags = Include.tags("include", request.include());
        List<String> ids = request.tasks().stream().map(Task::idOf).toList();
        return clusters.named(cluster).chain(c -> tasks.find(c.tenant(), c.name(), ids)
                .chain(found -> withTags(found, withTags).map(views -> {
                    List<String> seen = found.stream().map(Task::id).toList();
                    List<Failure> failures = ids.stream().filter(id -> !seen.contains(id))
                            .map(id -> Failure.missing(Task.arn(c.tenant(), c.name(), id))).toList();
                    return new DescribeTasksResponse(views, failures);
                })));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "ListTasks", summary = "List the ARNs of a cluster's tasks, newest first")
    public Uni<ListTasksResponse> list(@PathParam("cluster") String cluster, @QueryParam("family") String family,
                                         @QueryParam("serviceName") String serviceName,
                                         @QueryParam("startedBy") String startedBy,
                                         @QueryParam("containerInstance") String containerInstance,
                                         @QueryParam("desiredStatus") String desiredStatus,
                                         @QueryParam("maxResults") Integer maxResults,
                                         @QueryParam("nextToken") String nextToken) {
        if (desiredStatus != null && !List.of("RUNNING", "PENDING", "STOPPED").contains(desiredStatus)) {
            throw new InvalidInputException("desiredStatus", "RUNNING, PENDING or STOPPED, got '" + desiredStatus + "'");
        }
        PageRequest paging = PageRequest.of(maxResults, nextToken, 100, 100);
        TaskListPosition position = paging.after() == null ? null : TaskListPosition.parse(paging.after());
        TaskStatus status = "STOPPED".equals(desiredStatus) ? TaskStatus.STOPPED : TaskStatus.RUNNING;
        TaskStore.Filter filter = new TaskStore.Filter(family, serviceName, startedBy,
                containerInstance == null ? null : Host.idOf(containerInstance), status);
        return clusters.named(cluster)
                .chain(c -> tasks.list(c.tenant(), c.name(), filter,
                        position == null ? null : position.createdAt(), position == null ? null : position.id(),
                        paging.rowsToRead()))
                .map(found -> Page.of(found, paging, Task::arn, t -> TaskListPosition.of(t).text()))
                .map(page -> new ListTasksResponse(page.items(), page.nextToken()));
    }

    private Uni<RunTaskResponse> launch(TaskLauncher.Launch launch) {
        return launcher.launch(launch).map(launched -> {
            if (launched.tasks().isEmpty() && launched.failures().isEmpty()) {
                throw new InvalidInputException("cluster", "No Container Instances were found in your cluster.");
            }
            return new RunTaskResponse(launched.tasks().stream().map(TaskView::of).toList(), launched.failures());
        });
    }

    /** ECS: a task run on its own takes its task definition's tags or none; SERVICE is for services' tasks. */
    private static PropagateTags taskPropagation(String value) {
        PropagateTags propagate = PropagateTags.parse("propagateTags", value);
        if (propagate == PropagateTags.SERVICE) {
            throw new InvalidInputException("propagateTags", "SERVICE applies to the tasks of a service; "
                    + "a task run on its own takes TASK_DEFINITION or NONE");
        }
        return propagate;
    }

    private static void refuseUnsupported(Boolean managedTags, Boolean executeCommand) {
        if (Boolean.TRUE.equals(managedTags)) {
            throw new InvalidInputException("enableECSManagedTags", "not supported by Berth yet; leave it out or false");
        }
        if (Boolean.TRUE.equals(executeCommand)) {
            throw new InvalidInputException("enableExecuteCommand", "not supported by Berth yet; leave it out or false");
        }
    }

    private static String groupOr(String group, StoredTaskDefinition definition) {
        return group != null ? group : "family:" + definition.family();
    }

    private static void validateLabels(String group, String startedBy) {
        if (group != null && (group.isBlank() || group.length() > 255)) {
            throw new InvalidInputException("group", "1 to 255 characters");
        }
        if (startedBy != null && (startedBy.isBlank() || startedBy.length() > 128)) {
            throw new InvalidInputException("startedBy", "1 to 128 characters");
        }
    }

}
