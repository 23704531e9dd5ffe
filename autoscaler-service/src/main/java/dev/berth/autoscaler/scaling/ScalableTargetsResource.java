package dev.berth.autoscaler.scaling;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Application Auto Scaling's RegisterScalableTarget, DescribeScalableTargets and DeregisterScalableTarget. */
@Path("/api/autoscaler/v1/scalable-targets")
@Tag(name = "Scalable targets")
public class ScalableTargetsResource {

    /** ResourceIds of DescribeScalableTargets, as botocore's limit. */
    public static final int MAX_RESOURCE_IDS = 50;

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record SuspendedStateValue(Boolean dynamicScalingInSuspended, Boolean dynamicScalingOutSuspended,
            Boolean scheduledScalingSuspended) {

        static SuspendedStateValue of(SuspendedState s) {
            return new SuspendedStateValue(s.dynamicScalingInSuspended(), s.dynamicScalingOutSuspended(),
                    s.scheduledScalingSuspended());
        }
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record RegisterScalableTargetRequest(
            @Schema(required = true, examples = "ecs") String serviceNamespace,
            @Schema(required = true, examples = "service/default/web") String resourceId,
            @Schema(required = true, examples = "ecs:service:DesiredCount") String scalableDimension,
            @Schema(description = "Required for a new target; 0 or more") Integer minCapacity,
            @Schema(description = "Required for a new target; at least MinCapacity") Integer maxCapacity,
            @Schema(description = "Accepted and ignored: Berth needs no role to scale a service") String roleARN,
            SuspendedStateValue suspendedState) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record RegisterScalableTargetResponse(String scalableTargetARN) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record ScalableTargetView(String serviceNamespace, String resourceId, String scalableDimension,
            int minCapacity, int maxCapacity, Instant creationTime, SuspendedStateValue suspendedState,
            String scalableTargetARN) {

        static ScalableTargetView of(StoredTarget stored) {
            ScalableTarget t = stored.target();
            return new ScalableTargetView(t.id().namespace().awsName(), t.id().resourceId().toString(),
                    t.id().dimension().awsName(), t.capacity().min(), t.capacity().max(), stored.createdAt(),
                    SuspendedStateValue.of(t.suspendedState()), stored.arn());
        }
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    public record DescribeScalableTargetsResponse(List<ScalableTargetView> scalableTargets, String nextToken) {
    }

    /** DeregisterScalableTarget answers an empty object, as AWS does. */
    public record DeregisterScalableTargetResponse() {
    }

    @Inject
    Pool pool;

    @Inject
    CurrentPrincipal caller;

    @Inject
    ScalableTargetStore targets;

    @Inject
    ScalableServices services;

    @Inject
    CapacityChanges changes;

    @Inject
    ScalingConfig config;

    @Inject
    Instance<TargetDeregistration> dependents;

    @POST
    @Requires(Action.MANAGE)
    @Operation(operationId = "RegisterScalableTarget", summary = "Register or update a scalable target; "
            + "the service's desired count is moved into [MinCapacity, MaxCapacity]")
    public Uni<RegisterScalableTargetResponse> register(RegisterScalableTargetRequest request,
            @Parameter(hidden = true) @HeaderParam("Authorization") String authorization) {
        if (request == null) {
            throw ValidationErrors.invalid("ServiceNamespace", "is required");
        }
        ScalableTargetId id = ScalableTargetId.parse(request.serviceNamespace(), request.resourceId(),
                request.scalableDimension());
        SuspendedStateValue suspended = request.suspendedState() == null
                ? new SuspendedStateValue(null, null, null) : request.suspendedState();
        // the bounds alone are checked before anything is looked up or written
        if (request.minCapacity() != null || request.maxCapacity() != null) {
            new CapacityRange(request.minCapacity() == null ? 0 : request.minCapacity(),
                    request.maxCapacity() == null ? Integer.MAX_VALUE : request.maxCapacity());
        }
        String tenant = caller.tenant();
        return services.desiredCount(id.resourceId(), authorization)
                .chain(current -> pool.withTransaction(tx -> targets.lockTenantAndCount(tx, tenant)
                        .chain(count -> targets.lock(tx, tenant, id).chain(existing -> {
                            if (existing.isEmpty() && count >= config.maxTargetsPerTenant()) {
                                throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "A tenant may register up to "
                                        + config.maxTargetsPerTenant() + " scalable targets");
                            }
                            ScalableTarget target = ScalableTarget.register(existing.map(StoredTarget::target).orElse(null),
                                    id, request.minCapacity(), request.maxCapacity(),
                                    suspended.dynamicScalingInSuspended(), suspended.dynamicScalingOutSuspended(),
                                    suspended.scheduledScalingSuspended());
                            Uni<StoredTarget> saved = existing.isEmpty() ? targets.insert(tx, tenant, target, current)
                                    : targets.update(tx, tenant, target, current);
                            return saved.chain(stored -> clamp(tx, tenant, target, current)
                                    .map(change -> new Registered(stored, change)));
                        }))))
                .invoke(done -> done.change().ifPresent(changes::send))
                .map(done -> new RegisterScalableTargetResponse(done.stored().arn()));
    }

    private record Registered(StoredTarget stored, Optional<ScalingActivity> change) {
    }

    private Uni<Optional<ScalingActivity>> clamp(io.vertx.mutiny.sqlclient.SqlClient tx, String tenant,
            ScalableTarget target, int current) {
        return target.clampCurrentCount(current)
                .map(scale -> changes.record(tx, tenant, target, current, scale.newCount(), scale.cause()).map(Optional::of))
                .orElseGet(() -> Uni.createFrom().item(Optional.empty()));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeScalableTargets", summary = "List a tenant's scalable targets of a namespace")
    public Uni<DescribeScalableTargetsResponse> describe(
            @QueryParam("ServiceNamespace") @Parameter(required = true, example = "ecs") String serviceNamespace,
            @QueryParam("ResourceIds") @Parameter(description = "Up to 50") List<String> resourceIds,
            @QueryParam("ScalableDimension") String scalableDimension,
            @QueryParam("MaxResults") @Parameter(description = "1 to 50, default 50") Integer maxResults,
            @QueryParam("NextToken") String nextToken) {
        ServiceNamespace namespace = ServiceNamespace.parse(serviceNamespace);
        List<String> ids = resourceIds == null ? List.of() : resourceIds;
        if (ids.size() > MAX_RESOURCE_IDS) {
            throw ValidationErrors.invalid("ResourceIds", "may hold up to " + MAX_RESOURCE_IDS + " ids, got " + ids.size());
        }
        List<String> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            parsed.add(EcsServiceResourceId.parse(ids.get(i), "ResourceIds[" + i + "]").toString());
        }
        ScalableDimension dimension = scalableDimension == null ? null : ScalableDimension.parse(scalableDimension);
        int limit = ScalingPages.limit(maxResults);
        String after = ScalingPages.position(nextToken);
        return targets.list(pool, caller.tenant(), namespace, parsed, dimension, after, limit + 1)
                .map(found -> new DescribeScalableTargetsResponse(
                        found.stream().limit(limit).map(ScalableTargetView::of).toList(),
                        found.size() > limit ? ScalingPages.token(ScalableTargetStore.position(found.get(limit - 1))) : null));
    }

    @DELETE
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeregisterScalableTarget",
            summary = "Deregister a scalable target with its scheduled actions and scaling policies")
    public Uni<DeregisterScalableTargetResponse> deregister(
            @QueryParam("ServiceNamespace") @Parameter(required = true, example = "ecs") String serviceNamespace,
            @QueryParam("ResourceId") @Parameter(required = true, example = "service/default/web") String resourceId,
            @QueryParam("ScalableDimension") @Parameter(required = true, example = "ecs:service:DesiredCount")
            String scalableDimension) {
        ScalableTargetId id = ScalableTargetId.parse(serviceNamespace, resourceId, scalableDimension);
        String tenant = caller.tenant();
        return pool.withTransaction(tx -> targets.lock(tx, tenant, id).chain(found -> {
                    if (found.isEmpty()) {
                        throw notRegistered(id);
                    }
                    // one statement at a time on the transaction's connection
                    Uni<Void> deletions = Uni.createFrom().voidItem();
                    for (TargetDeregistration dependent : dependents) {
                        deletions = deletions.chain(() -> dependent.targetDeregistered(tx, tenant, id));
                    }
                    return deletions.chain(() -> targets.delete(tx, tenant, id));
                }))
                .map(deleted -> new DeregisterScalableTargetResponse());
    }

    /** AWS's answer for a target that is not registered. */
    public static ApiException notRegistered(ScalableTargetId id) {
        return new ApiException(ErrorCode.OBJECT_NOT_FOUND, "No scalable target registered for service namespace: "
                + id.namespace() + ", resource ID: " + id.resourceId() + ", scalable dimension: " + id.dimension());
    }
}
