package dev.berth.scheduler.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.scheduler.agentchannel.CommandStore;
import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.hosts.HostStore;
import dev.berth.scheduler.placement.ClusterState;
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
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Places tasks and starts them: lets the placement engine choose hosts on the cluster's kept
 * state ({@link ClusterStates}), takes the room on the chosen hosts with a conditional update,
 * writes the tasks and queues a start command for each, all in one transaction. Placements in
 * one cluster take turns (a PostgreSQL advisory lock); should the room be gone all the same (a
 * host changed under it), nothing is written and the placement is tried again on a state read
 * afresh, so no host is ever over-committed.
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

    @Inject
    ClusterStates states;

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
        return states.snapshots(pool, launch.tenant(), launch.cluster()).map(cluster -> engine.plan(cluster, request));
    }

    private static TaskShape shape(Launch launch, TaskDefinitionSpec spec) {
        return TaskShape.of(spec, launch.definition().cpu(), launch.definition().memory(), launch.overrides(),
                launch.group());
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
                .onFailure(failure -> states.forget(launch.tenant(), launch.cluster()))
                .recover(failure -> retryable(failure) && attempt < ATTEMPTS
                        ? attempt(launch, shape, constraints, document, attempt + 1)
                        : Future.failedFuture(failure));
    }

    /** Another placement took the room first, or PostgreSQL broke a lock cycle between two of them. */
    private static boolean retryable(Throwable failure) {
        return failure instanceof Conflict
                || failure instanceof PgException pg && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }

    /** Where the tasks go, and for tasks that found no host each host's reason. */
    private record Planned(List<PlacementPlan.TaskPlacement> placements, List<Failure> failures, boolean complete) {
    }

    private Future<Launched> place(SqlConnection connection, Launch launch, TaskShape shape,
                                   List<PlacementConstraint> constraints, ObjectNode document) {
        // placements in one cluster queue here, on every replica alike: each sees the one before
        // it, so they do not all pick the same best host and collide. Only a placement on the
        // kept cluster state names this replica: its own notification need not drop that state.
        boolean named = launch.onlyHosts() != null;
        return connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), "
                        + "set_config('berth.placer', $2, true)")
                .execute(Tuple.of("placement/" + launch.tenant() + "/" + launch.cluster(), named ? "" : states.replica()))
                .compose(locked -> named ? onNamedHosts(connection, launch, shape, constraints)
                        : inCluster(connection, launch, shape, constraints))
                .compose(planned -> write(connection, launch, shape, document, planned.placements())
                        .map(written -> new Launched(written, planned.failures())));
    }

    private Future<Planned> inCluster(SqlConnection connection, Launch launch, TaskShape shape,
                                      List<PlacementConstraint> constraints) {
        PlacementRequest request = new PlacementRequest(shape.demand(), launch.count(), constraints, launch.strategies(),
                ThreadLocalRandom.current().nextLong(), false);
        return states.current(connection, launch.tenant(), launch.cluster()).compose(current -> {
            Planned planned = place(current.state(), request, launch);
            if (planned.complete() || current.fresh()) {
                return Future.succeededFuture(planned);
            }
            // the kept state may not have heard yet of room given back a moment ago: look again before saying no
            return states.read(connection, launch.tenant(), launch.cluster()).map(state -> place(state, request, launch));
        });
    }

    private Planned place(ClusterState cluster, PlacementRequest request, Launch launch) {
        synchronized (cluster) {
            // kept in the state: the placement is written next, or the state is dropped
            PlacementPlan plan = engine.place(cluster, request);
            return new Planned(plan.placements(), plan.failures().stream().map(r -> failure(launch, r)).toList(), plan.complete());
        }
    }

    private Future<Planned> onNamedHosts(SqlConnection connection, Launch launch, TaskShape shape,
                                         List<PlacementConstraint> constraints) {
        long seed = ThreadLocalRandom.current().nextLong();
        return states.snapshots(connection, launch.tenant(), launch.cluster()).map(snapshots -> {
            List<PlacementPlan.TaskPlacement> placements = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
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
            return new Planned(placements, failures, failures.isEmpty());
        });
    }

    /**
     * Takes the room on every chosen host, queues the start commands and writes the tasks: three
     * statements or so however many tasks, and nothing at all when one host no longer has the room.
     */
    private Future<List<Task>> write(SqlConnection connection, Launch launch, TaskShape shape, ObjectNode document,
                                     List<PlacementPlan.TaskPlacement> placements) {
        if (placements.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<PlacementPlan.TaskPlacement> inHostOrder = new ArrayList<>(placements);
        inHostOrder.sort(Comparator.comparing(PlacementPlan.TaskPlacement::instanceId));
        List<String> hostIds = inHostOrder.stream().map(PlacementPlan.TaskPlacement::instanceId).toList();
        List<List<AgentMessage.NetworkBinding>> bindings = inHostOrder.stream().map(p -> shape.bindings(p.hostPorts())).toList();
        List<List<String>> portKeys = bindings.stream()
                .map(b -> b.stream().map(binding -> binding.protocol() + "/" + binding.hostPort()).toList()).toList();
        List<String> taskIds = inHostOrder.stream().map(p -> UUID.randomUUID().toString().replace("-", "")).toList();
        return hosts.reserveAll(connection, launch.tenant(), reservations(shape, hostIds, portKeys))
                .compose(reserved -> reserved ? commands.enqueueAll(connection, launch.tenant(), hostIds, (i, seq) ->
                        AgentMessage.Command.start(seq, new AgentMessage.StartTask(
                                Task.arn(launch.tenant(), launch.cluster(), taskIds.get(i)), launch.definition().arn(),
                                document, launch.overrides(), bindings.get(i), launch.group(), launch.startedBy())))
                        : Future.failedFuture(new Conflict()))
                .compose(queued -> {
                    List<TaskStore.NewTask> written = new ArrayList<>(queued.size());
                    for (int i = 0; i < queued.size(); i++) {
                        written.add(new TaskStore.NewTask(launch.tenant(), taskIds.get(i), launch.cluster(), hostIds.get(i),
                                launch.definition().arn(), launch.definition().family(), launch.group(), launch.startedBy(),
                                launch.serviceName(), launch.deploymentId(), shape.demand().cpu(), shape.demand().memory(),
                                portKeys.get(i), shape.containersWith(bindings.get(i)), launch.overrides(), queued.get(i).seq()));
                    }
                    return tasks.insertAll(connection, written);
                });
    }

    /** What the tasks take on each host, summed per host. */
    private static List<HostStore.Reservation> reservations(TaskShape shape, List<String> hostIds, List<List<String>> portKeys) {
        Map<String, HostStore.Reservation> perHost = new LinkedHashMap<>();
        for (int i = 0; i < hostIds.size(); i++) {
            List<String> ports = portKeys.get(i);
            perHost.merge(hostIds.get(i), new HostStore.Reservation(hostIds.get(i), shape.demand().cpu(), shape.demand().memory(),
                    ports), (a, b) -> new HostStore.Reservation(a.hostId(), a.cpu() + b.cpu(), a.memory() + b.memory(),
                    concat(a.ports(), b.ports())));
        }
        return List.copyOf(perHost.values());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private static Failure failure(Launch launch, Rejection rejection) {
        return new Failure(Host.arn(launch.tenant(), launch.cluster(), rejection.instanceId()), rejection.reason(),
                rejection.detail());
    }

}
