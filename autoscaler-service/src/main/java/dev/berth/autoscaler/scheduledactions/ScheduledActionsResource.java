package dev.berth.autoscaler.scheduledactions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.berth.autoscaler.scaling.ScalableTargetId;
import dev.berth.autoscaler.scaling.ScalableTargetStore;
import dev.berth.autoscaler.scaling.ScalableTargetsResource;
import dev.berth.autoscaler.scaling.ScalingLimits;
import dev.berth.autoscaler.scaling.ScalingPages;
import dev.berth.autoscaler.scaling.ServiceNamespace;
import dev.berth.autoscaler.scaling.ScalableDimension;
import dev.berth.autoscaler.scaling.EcsServiceResourceId;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Application Auto Scaling's PutScheduledAction, DescribeScheduledActions and DeleteScheduledAction. */
@Path("/api/autoscaler/v1/scheduled-actions")
@Tag(name = "Scheduled actions")
public class ScheduledActionsResource {

    /** ScheduledActionNames of DescribeScheduledActions, as botocore's limit. */
    public static final int MAX_NAMES = 50;

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record ScalableTargetAction(Integer minCapacity, Integer maxCapacity) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record PutScheduledActionRequest(
            @Schema(required = true, examples = "ecs") String serviceNamespace,
            @Schema(description = "at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields); required for a new action",
                    examples = "cron(0 8 * * ? *)") String schedule,
            @Schema(description = "IANA time zone, default UTC", examples = "Europe/Paris") String timezone,
            @Schema(required = true, examples = "scale-up-mornings") String scheduledActionName,
            @Schema(required = true, examples = "service/default/web") String resourceId,
            @Schema(required = true, examples = "ecs:service:DesiredCount") String scalableDimension,
            Instant startTime, Instant endTime, ScalableTargetAction scalableTargetAction) {
    }

    /** PutScheduledAction and DeleteScheduledAction answer an empty object, as AWS does. */
    public record EmptyResponse() {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record ScheduledActionView(String scheduledActionName, String scheduledActionARN, String serviceNamespace,
            String schedule, String timezone, String resourceId, String scalableDimension, Instant startTime,
            Instant endTime, ScalableTargetAction scalableTargetAction, Instant creationTime) {

        static ScheduledActionView of(StoredScheduledAction stored) {
            ScheduledAction a = stored.action();
            return new ScheduledActionView(a.name(), stored.arn(), stored.target().namespace().awsName(), a.scheduleText(),
                    a.zone().getId(), stored.target().resourceId().toString(), stored.target().dimension().awsName(),
                    a.startTime(), a.endTime(), new ScalableTargetAction(a.minCapacity(), a.maxCapacity()), a.createdAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record DescribeScheduledActionsResponse(List<ScheduledActionView> scheduledActions, String nextToken) {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentPrincipal caller;

    @Inject
    ScheduledActionStore actions;

    @Inject
    ScalableTargetStore targets;

    @PUT
    @Requires(Action.MANAGE)
    @Operation(operationId = "PutScheduledAction", summary = "Create or update a scheduled action of a scalable target")
    public Uni<EmptyResponse> put(PutScheduledActionRequest request) {
        if (request == null) {
            throw new InvalidInputException("ServiceNamespace", "is required");
        }
        ScalableTargetId id = ScalableTargetId.parse(request.serviceNamespace(), request.resourceId(),
                request.scalableDimension());
        if (request.scheduledActionName() == null) {
            throw new InvalidInputException("ScheduledActionName", "is required");
        }
        String tenant = caller.tenant();
        Instant now = Instant.now();
        return pool.withTransaction(tx -> targets.lock(tx, tenant, id).chain(target -> {
                    if (target.isEmpty()) {
                        throw ScalableTargetsResource.notRegistered(id);
                    }
                    return actions.lock(tx, tenant, id, request.scheduledActionName());
                }).chain(existing -> {
                    ScheduledAction before = existing.map(StoredScheduledAction::action).orElse(null);
                    ScalableTargetAction capacity = request.scalableTargetAction();
                    // an update keeps what the request leaves out, as AWS does
                    ScheduledAction action = ScheduledAction.of(request.scheduledActionName(),
                            request.schedule() != null || before == null ? request.schedule() : before.scheduleText(),
                            request.timezone() != null || before == null ? request.timezone() : before.zone().getId(),
                            request.startTime() != null || before == null ? request.startTime() : before.startTime(),
                            request.endTime() != null || before == null ? request.endTime() : before.endTime(),
                            capacity != null || before == null ? capacity == null ? null : capacity.minCapacity() : before.minCapacity(),
                            capacity != null || before == null ? capacity == null ? null : capacity.maxCapacity() : before.maxCapacity(),
                            before == null ? now : before.createdAt());
                    Uni<Void> room = existing.isPresent() ? Uni.createFrom().voidItem()
                            : actions.count(tx, tenant, id).invoke(ScalingLimits::requireRoomForScheduledAction).replaceWithVoid();
                    String arn = existing.map(StoredScheduledAction::arn)
                            .orElseGet(() -> ScheduledActionStore.newArn(tenant, id, action.name()));
                    return room.chain(() -> actions.put(tx, tenant, id, arn, action, action.nextRunAfter(now).orElse(null)));
                }))
                .replaceWith(new EmptyResponse());
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeScheduledActions", summary = "List a tenant's scheduled actions of a namespace")
    public Uni<DescribeScheduledActionsResponse> describe(
            @QueryParam("ServiceNamespace") @Parameter(required = true, example = "ecs") String serviceNamespace,
            @QueryParam("ScheduledActionNames") @Parameter(description = "Up to 50") List<String> names,
            @QueryParam("ResourceId") String resourceId,
            @QueryParam("ScalableDimension") String scalableDimension,
            @QueryParam("MaxResults") @Parameter(description = "1 to 50, default 50") Integer maxResults,
            @QueryParam("NextToken") String nextToken) {
        ServiceNamespace namespace = ServiceNamespace.parse(serviceNamespace);
        List<String> wanted = names == null ? List.of() : names;
        if (wanted.size() > MAX_NAMES) {
            throw new InvalidInputException(ErrorCode.VALIDATION, "ScheduledActionNames",
                    "may hold up to " + MAX_NAMES + " names, got " + wanted.size());
        }
        String resource = resourceId == null ? null : EcsServiceResourceId.parse(resourceId).toString();
        String dimension = scalableDimension == null ? null : ScalableDimension.parse(scalableDimension).awsName();
        int limit = ScalingPages.limit(maxResults);
        String after = ScalingPages.position(nextToken);
        return actions.list(caller.tenant(), namespace.awsName(), resource, dimension, wanted, after, limit + 1)
                .map(found -> new DescribeScheduledActionsResponse(
                        found.stream().limit(limit).map(ScheduledActionView::of).toList(),
                        found.size() > limit ? ScalingPages.token(ScheduledActionStore.position(found.get(limit - 1))) : null));
    }

    @DELETE
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteScheduledAction", summary = "Delete a scheduled action")
    public Uni<EmptyResponse> delete(
            @QueryParam("ServiceNamespace") @Parameter(required = true) String serviceNamespace,
            @QueryParam("ScheduledActionName") @Parameter(required = true) String scheduledActionName,
            @QueryParam("ResourceId") @Parameter(required = true) String resourceId,
            @QueryParam("ScalableDimension") @Parameter(required = true) String scalableDimension) {
        ScalableTargetId id = ScalableTargetId.parse(serviceNamespace, resourceId, scalableDimension);
        if (scheduledActionName == null || scheduledActionName.isEmpty()) {
            throw new InvalidInputException(ErrorCode.VALIDATION, "ScheduledActionName", "is required");
        }
        return pool.withTransaction(tx -> actions.delete(tx, caller.tenant(), id, scheduledActionName))
                .map(deleted -> {
                    if (!deleted) {
                        throw new ApiException(ErrorCode.OBJECT_NOT_FOUND, "No scheduled action found for service namespace: "
                                + id.namespace() + ", resource ID: " + id.resourceId() + ", scalable dimension: "
                                + id.dimension() + ", scheduled action name: " + scheduledActionName);
                    }
                    return new EmptyResponse();
                });
    }
}
