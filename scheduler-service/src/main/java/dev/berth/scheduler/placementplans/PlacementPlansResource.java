package dev.berth.scheduler.placementplans;

import dev.berth.common.error.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;

import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.placement.PlacementPlan;
import dev.berth.scheduler.placement.Rejection;
import dev.berth.scheduler.taskdefinitions.StoredTaskDefinition;
import dev.berth.scheduler.tasks.LaunchTargets;
import dev.berth.scheduler.tasks.PlacementParameters;
import dev.berth.scheduler.tasks.TaskOverride;
import dev.berth.scheduler.tasks.TaskLauncher;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A dry-run placement: for a task definition, a count and ECS's strategies and constraints, the
 * hosts the tasks would go to now and, for every host passed over, why. Nothing is started or
 * reserved; the same cluster state and seed give the same plan.
 */
@Path("/api/scheduler/v1/clusters/{cluster}/placement-plans")
@Tag(name = "Placement plans")
public class PlacementPlansResource {

    public record PlanRequest(@Schema(examples = "web:3") String taskDefinition, @Schema(examples = "3") Integer count,
                              String group, @Schema(implementation = TaskOverride.class) JsonNode overrides,
                              List<PlacementParameters.StrategySpec> placementStrategy,
                              List<PlacementParameters.ConstraintSpec> placementConstraints, Long seed) {
    }

    public record HostDecision(String containerInstanceArn, String reason, String detail) {
    }

    public record Placement(int task, String containerInstanceArn, List<Integer> hostPorts,
                            List<HostDecision> passedOver) {
    }

    /** {@code warnings}: what in the request is likely not what was meant (an attribute no host has). */
    public record Plan(String taskDefinitionArn, long seed, List<Placement> placements, int unplaced,
                       List<HostDecision> failures, List<String> warnings) {
    }

    @Inject
    LaunchTargets targets;

    @Inject
    TaskLauncher launcher;

    @POST
    @Requires(Action.READ)
    @Operation(operationId = "PlanPlacement",
            summary = "Dry-run placement: where tasks would go now and why other hosts were passed over")
    public Uni<Plan> plan(@PathParam("cluster") String cluster, PlanRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "a placement plan request is required");
        }
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > 100) {
            throw new InvalidInputException("count", "between 1 and 100, got " + count);
        }
        var constraints = PlacementParameters.constraints("placementConstraints", request.placementConstraints());
        var strategies = PlacementParameters.strategies("placementStrategy", request.placementStrategy());
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong();
        return targets.resolve(cluster, request.taskDefinition()).chain(target -> {
            Cluster c = target.cluster();
            StoredTaskDefinition definition = target.definition();
            String group = request.group() != null ? request.group() : "family:" + definition.family();
            TaskLauncher.Launch launch = TaskLauncher.Launch.dryRun(c.tenant(), c.name(), definition,
                    request.overrides(), count, group, constraints, strategies);
            return launcher.explain(launch, seed)
                    .map(plan -> view(c.tenant(), c.name(), definition.arn(), seed, plan));
        });
    }

    private static Plan view(String tenant, String cluster, String definitionArn, long seed, PlacementPlan plan) {
        return new Plan(definitionArn, seed, plan.placements().stream().map(p -> new Placement(p.task(),
                        Host.arn(tenant, cluster, p.instanceId()), p.hostPorts(),
                        p.passedOver().stream().map(r -> decision(tenant, cluster, r)).toList())).toList(),
                plan.unplaced(), plan.failures().stream().map(r -> decision(tenant, cluster, r)).toList(),
                plan.missingAttributes().stream().map(m -> m.message() + ".").toList());
    }

    private static HostDecision decision(String tenant, String cluster, Rejection rejection) {
        return new HostDecision(Host.arn(tenant, cluster, rejection.instanceId()), rejection.reason(), rejection.detail());
    }

}
