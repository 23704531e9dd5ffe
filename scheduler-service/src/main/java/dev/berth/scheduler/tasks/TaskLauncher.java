package dev.berth.scheduler.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.scheduler.agentchannel.CommandStore;
import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.hosts.HostStore;
import dev.berth.scheduler.placement.HostSnapshot;
import dev.berth.scheduler.placement.PlacementConstraint;
import dev.berth.scheduler.placement.PlacementEngine;
import dev.berth.scheduler.placement.PlacementPlan;
import dev.berth.scheduler.placement.PlacementRequest;
import dev.berth.scheduler.placement.PlacementStrategy;
import dev.berth.scheduler.placement.Rejection;
import dev.berth.scheduler.taskdefinitions.StoredTaskDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionDocuments;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Places tasks and starts them: reads the cluster, lets the placement engine choose hosts, takes
 * the room on each chosen host with a conditional update, writes the tasks and queues a start
 * command for each host, all in one transaction. Placements in one cluster take turns (a
 * PostgreSQL advisory lock); should the room be gone all the same (a host changed under it),
 * nothing is written and the placement is tried again on a fresh view of the cluster, so no
 * host is ever over-committed.
 */
@ApplicationScoped
public class TaskLauncher {

    private static final int ATTEMPTS = 8;

    /** What to launch; {@code onlyHosts} (start-task) names the hosts, one task on each, and skips strategies. */
    public record Launch(String tenant, String cluster, StoredTaskDefinition definition, JsonNode overrides, int count,
                         String group, String startedBy, String serviceName, String deploymentId,
                         List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
                         List<String> onlyHosts) {
    }

    /** The started tasks and, for tasks that found no host, each host's reason (ECS's failures[]). */
    public record Launched(List<Task> tasks, List<Failure> failures) {
    }

    /** ECS's failure: the host's ARN and why it could not take the task. */
    public record Failure(String arn, String reason, String detail) {
    }

    private static final class Conflict extends RuntimeException {
        Conflict() {
            super("another placement took the room first", null, false, false);
        }
    }

    @Inject
    Pool pool;

    @Inject
    HostStore hosts;

    @Inject
    TaskStore tasks;

    @Inject
    CommandStore commands;

    @Inject
    SchedulerEvents events;

    @Inject
    TaskDefinitionDocuments documents;

    private final PlacementEngine engine = new PlacementEngine();

    public Future<Launched> launch(Launch launch) {
        ObjectNode document = documents.view(launch.definition()); // what the agent gets, as DescribeTaskDefinition shows it
        TaskDefinitionSpec spec = documents.spec(document);
        return attempt(launch, shape(launch, spec), constraints(launch, spec), document, 1)
                .onSuccess(launched -> events.tasksChanged(launched.tasks()));
    }

    /** A dry run: where the tasks would go now and, for every host passed over, why. Nothing is reserved. */
    public Future<PlacementPlan> explain(Launch launch, long seed) {
        TaskDefinitionSpec spec = documents.spec(documents.parse(launch.definition().document()));
        PlacementRequest request = new PlacementRequest(shape(launch, spec).demand(), launch.count(),
                constraints(launch, spec), launch.strategies(), seed, true);
        return snapshots(pool, launch).map(cluster -> engine.plan(cluster, request));
    }

    private static TaskShape shape(Launch launch, TaskDefinitionSpec spec) {
        return TaskShape.of(spec, launch.definition().cpu(), launch.definition().memory(), launch.overrides(),
                launch.group());
    }

    /** The cluster as placement sees it now: its hosts and the task groups on each. */
    private Future<List<HostSnapshot>> snapshots(SqlClient client, Launch launch) {
        return hosts.placeable(client, launch.tenant(), launch.cluster())
                .compose(cluster -> hosts.taskGroups(client, launch.tenant(), launch.cluster()).map(groups -> {
                    List<HostSnapshot> snapshots = new ArrayList<>(cluster.size());
                    for (Host host : cluster) {
                        snapshots.add(host.snapshot(groups.getOrDefault(host.id(), Map.of())));
                    }
                    return snapshots;
                }));
    }

    private static List<PlacementConstraint> constraints(Launch launch, TaskDefinitionSpec spec) {
        List<PlacementConstraint> constraints = new ArrayList<>(launch.constraints());
        constraints.addAll(PlacementParameters.constraints("taskDefinition.placementConstraints",
                spec.placementConstraints() == null ? List.of() : spec.placementConstraints().stream()
                        .map(c -> new PlacementParameters.ConstraintSpec(c.type(), c.expression())).toList()));
        return constraints;
    }

    private Future<Launched> attempt(Launch launch, TaskShape shape, List<PlacementConstraint> constraints,
                                     ObjectNode document, int attempt) {
        return pool.withTransaction(connection -> place(connection, launch, shape, constraints, document))
                .recover(failure -> retryable(failure) && attempt < ATTEMPTS
                        ? attempt(launch, shape, constraints, document, attempt + 1)
                        : Future.failedFuture(failure));
    }

    /** Another placement took the room first, or PostgreSQL broke a lock cycle between two of them. */
    private static boolean retryable(Throwable failure) {
        return failure instanceof Conflict
                || failure instanceof PgException pg && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }

    private Future<Launched> place(SqlConnection connection, Launch launch, TaskShape shape,
                                   List<PlacementConstraint> constraints, ObjectNode document) {
        // placements in one cluster queue here, on every replica alike: each sees the one before
        // it, so they do not all pick the same best host and collide
        return connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("placement/" + launch.tenant() + "/" + launch.cluster()))
                .compose(locked -> snapshots(connection, launch))
                .compose(snapshots -> {
                    List<PlacementPlan.TaskPlacement> placements = new ArrayList<>();
                    List<Failure> failures = new ArrayList<>();
                    plan(launch, shape, constraints, snapshots, placements, failures);
                    // host rows are locked in one order by every placement, so two never wait on each other
                    placements.sort(Comparator.comparing(PlacementPlan.TaskPlacement::instanceId));
                    return write(connection, launch, shape, document, placements, 0, new ArrayList<>())
                            .map(written -> new Launched(written, failures));
                });
    }

    private void plan(Launch launch, TaskShape shape, List<PlacementConstraint> constraints, List<HostSnapshot> snapshots,
                      List<PlacementPlan.TaskPlacement> placements, List<Failure> failures) {
        long seed = ThreadLocalRandom.current().nextLong();
        if (launch.onlyHosts() == null) {
            PlacementPlan plan = engine.plan(snapshots, new PlacementRequest(shape.demand(), launch.count(), constraints,
                    launch.strategies(), seed, false));
            placements.addAll(plan.placements());
            plan.failures().forEach(r -> failures.add(failure(launch, r)));
            return;
        }
        for (String hostId : launch.onlyHosts()) {
            List<HostSnapshot> one = snapshots.stream().filter(h -> h.instanceId().equals(hostId)).toList();
            if (one.isEmpty()) {
                failures.add(new Failure(Host.arn(launch.tenant(), launch.cluster(), hostId), "MISSING",
                        "no such container instance in the cluster"));
                continue;
            }
            PlacementPlan plan = engine.plan(one, new PlacementRequest(shape.demand(), 1, constraints, List.of(), seed, false));
            placements.addAll(plan.placements());
            plan.failures().forEach(r -> failures.add(failure(launch, r)));
        }
    }

    private Future<List<Task>> write(SqlConnection connection, Launch launch, TaskShape shape, ObjectNode document,
                                     List<PlacementPlan.TaskPlacement> placements, int index, List<Task> written) {
        if (index == placements.size()) {
            return Future.succeededFuture(written);
        }
        PlacementPlan.TaskPlacement placement = placements.get(index);
        String hostId = placement.instanceId();
        List<AgentMessage.NetworkBinding> bindings = shape.bindings(placement.hostPorts());
        List<String> portKeys = bindings.stream().map(b -> b.protocol() + "/" + b.hostPort()).toList();
        String taskId = UUID.randomUUID().toString().replace("-", "");
        String taskArn = Task.arn(launch.tenant(), launch.cluster(), taskId);
        return hosts.reserve(connection, launch.tenant(), hostId, shape.demand().cpu(), shape.demand().memory(), portKeys)
                .compose(reserved -> {
                    if (!reserved) {
                        return Future.failedFuture(new Conflict());
                    }
                    return commands.enqueue(connection, launch.tenant(), hostId, seq -> AgentMessage.Command.start(seq,
                            new AgentMessage.StartTask(taskArn, launch.definition().arn(), document, launch.overrides(),
                                    bindings, launch.group(), launch.startedBy())));
                })
                .compose(command -> tasks.insert(connection, new TaskStore.NewTask(launch.tenant(), taskId, launch.cluster(),
                        hostId, launch.definition().arn(), launch.definition().family(), launch.group(), launch.startedBy(),
                        launch.serviceName(), launch.deploymentId(), shape.demand().cpu(), shape.demand().memory(), portKeys,
                        shape.containersWith(bindings), launch.overrides(), command.seq())))
                .compose(task -> {
                    written.add(task);
                    return write(connection, launch, shape, document, placements, index + 1, written);
                });
    }

    private static Failure failure(Launch launch, Rejection rejection) {
        return new Failure(Host.arn(launch.tenant(), launch.cluster(), rejection.instanceId()), rejection.reason(),
                rejection.detail());
    }

}
