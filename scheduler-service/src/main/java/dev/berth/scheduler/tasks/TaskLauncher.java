package dev.berth.scheduler.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.scheduler.clusters.ClusterKey;
import dev.berth.scheduler.clusters.ClusterSecuritySettings;
import dev.berth.scheduler.clusters.ClusterStore;
import dev.berth.scheduler.clusters.ElevatedAccessCheck;
import dev.berth.scheduler.agentchannel.CommandStore;
import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.hosts.HostStore;
import dev.berth.scheduler.placement.ClusterState;
import dev.berth.scheduler.placement.HostSnapshot;
import dev.berth.scheduler.placement.MissingAttribute;
import dev.berth.scheduler.placement.PlacementConstraint;
import dev.berth.scheduler.placement.PlacementEngine;
import dev.berth.scheduler.placement.PlacementPlan;
import dev.berth.scheduler.placement.PlacementRequest;
import dev.berth.scheduler.placement.PlacementStrategy;
import dev.berth.scheduler.placement.Rejection;
import dev.berth.scheduler.placement.TaskDemand;
import dev.berth.scheduler.taskdefinitions.StoredTaskDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionDocuments;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec;
import dev.berth.scheduler.tags.PropagateTags;
import dev.berth.scheduler.tags.Tag;
import dev.berth.scheduler.tags.TaskTags;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
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
 * one cluster take turns (a PostgreSQL advisory lock), and run-tasks that wait for the turn go
 * in together ({@link WaitingLaunches}); should the room be gone all the same (a host changed
 * under it), nothing is written and the placement is tried again on a state read afresh, so no
 * host is ever over-committed.
 */
@ApplicationScoped
public class TaskLauncher {

    /**
     * What to launch; {@code onlyHosts} (start-task) names the hosts, one task on each, and skips strategies.
     * The tasks get {@code tags} and those of what {@code propagateTags} names; null (a service's
     * tasks) means as the service says. Made by the factories below, one per way a task starts.
     */
    public record Launch(String tenant, String cluster, StoredTaskDefinition definition, JsonNode overrides, int count,
                         String group, String startedBy, String serviceName, String deploymentId,
                         List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
                         List<String> onlyHosts, List<Tag> tags, PropagateTags propagateTags) {

        /** RunTask: {@code count} tasks wherever the constraints and strategies place them. */
        public static Launch runTask(String tenant, String cluster, StoredTaskDefinition definition, JsonNode overrides,
                                     int count, String group, String startedBy, List<PlacementConstraint> constraints,
                                     List<PlacementStrategy> strategies, List<Tag> tags, PropagateTags propagateTags) {
            return new Launch(tenant, cluster, definition, overrides, count, group, startedBy, null, null, constraints,
                    strategies, null, tags, propagateTags);
        }

        /** StartTask: one task on each of {@code hostIds}, no strategy. */
        public static Launch startTask(String tenant, String cluster, StoredTaskDefinition definition, JsonNode overrides,
                                       List<String> hostIds, String group, String startedBy, List<Tag> tags,
                                       PropagateTags propagateTags) {
            return new Launch(tenant, cluster, definition, overrides, hostIds.size(), group, startedBy, null, null,
                    List.of(), List.of(), List.copyOf(hostIds), tags, propagateTags);
        }

        /**
         * Tasks of a service's deployment, started by the deployment (ECS's {@code startedBy}) and
         * tagged as the service says; {@code onHosts} (the DAEMON strategy) names a host per task, else null.
         */
        public static Launch forService(String tenant, String cluster, StoredTaskDefinition definition, int count,
                                        String group, String serviceName, String deploymentId,
                                        List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
                                        List<String> onHosts) {
            return new Launch(tenant, cluster, definition, null, count, group, deploymentId, serviceName, deploymentId,
                    constraints, strategies, onHosts, List.of(), null);
        }

        /** Tasks of a scheduled rule, started by {@code events-rule/<rule>}. */
        public static Launch scheduled(String tenant, String cluster, StoredTaskDefinition definition, JsonNode overrides,
                                       int count, String group, String ruleName, List<PlacementConstraint> constraints,
                                       List<PlacementStrategy> strategies) {
            return new Launch(tenant, cluster, definition, overrides, count, group, "events-rule/" + ruleName, null, null,
                    constraints, strategies, null, List.of(), null);
        }

        /** Where a run-task would place its tasks now; nothing is started. */
        public static Launch dryRun(String tenant, String cluster, StoredTaskDefinition definition, JsonNode overrides,
                                    int count, String group, List<PlacementConstraint> constraints,
                                    List<PlacementStrategy> strategies) {
            return new Launch(tenant, cluster, definition, overrides, count, group, null, null, null, constraints,
                    strategies, null, List.of(), null);
        }
    }

    /**
     * The started tasks and, for tasks that found no host, each host's reason (ECS's failures[]);
     * {@code warnings}: each attribute a strategy or constraint names that no host has.
     */
    public record Launched(List<Task> tasks, List<Failure> failures, List<String> warnings) {
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

    @Inject
    ClusterStore clusters;

    @Inject
    TaskTags taskTags;

    @Inject
    LaunchSettings settings;

    private final PlacementEngine engine = new PlacementEngine();
    private WaitingLaunches waiting;

    @PostConstruct
    void init() {
        waiting = new WaitingLaunches(settings.groupSize(), group -> attempt(group, 1));
    }

    public Uni<Launched> launch(Launch launch) {
        ObjectNode document = documents.view(launch.definition()); // what the agent gets, as DescribeTaskDefinition shows it
        TaskDefinitionSpec spec = documents.spec(document);
        TaskShape shape = shape(launch, spec);
        List<PlacementConstraint> constraints = constraints(launch, spec);
        return clusters.requireActive(launch.tenant(), launch.cluster()).chain(cluster -> {
            ElevatedAccessCheck.require(spec, cluster);
            Prepared prepared = new Prepared(launch, shape, constraints, document, cluster.securitySettings());
            Uni<Launched> launched = launch.onlyHosts() != null
                    ? attempt(List.of(prepared), 1).chain(outcomes -> outcomes.get(0).uni())
                    : waiting.submit(new ClusterKey(launch.tenant(), launch.cluster()), prepared);
            return launched;
        });
    }

    /** A dry run: where the tasks would go now and, for every host passed over, why. Nothing is reserved. */
    public Uni<PlacementPlan> explain(Launch launch, long seed) {
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

    /**
     * Places a group of launches of one cluster in one transaction, tried again on a state read
     * afresh when the room went elsewhere; a group that fails otherwise is split, so that one bad
     * launch fails alone.
     */
    Uni<List<Outcome>> attempt(List<Prepared> group, int attempt) {
        Launch first = group.get(0).launch();
        return pool.withTransaction(connection -> place(connection, group))
                // told at once on commit: the agent's first report of these tasks is already on its way
                .invoke(launched -> launched.forEach(l -> events.tasksChanged(l.tasks())))
                .map(launched -> launched.stream().map(l -> new Outcome(l, null)).toList())
                .onFailure().invoke(failure -> states.forget(first.tenant(), first.cluster()))
                .onFailure().recoverWithUni(failure -> {
                    if (retryable(failure) && attempt < settings.attempts()) {
                        return attempt(group, attempt + 1);
                    }
                    if (group.size() > 1) {
                        return alone(group, 0, new ArrayList<>());
                    }
                    return Uni.createFrom().failure(failure);
                });
    }

    /** Each launch in its own transaction, one after another; a failed one fails only its own caller. */
    private Uni<List<Outcome>> alone(List<Prepared> group, int index, List<Outcome> done) {
        if (index == group.size()) {
            return Uni.createFrom().item(done);
        }
        return attempt(List.of(group.get(index)), 1).onItemOrFailure().transformToUni((outcomes, failure) -> {
            done.add(failure == null ? outcomes.get(0) : new Outcome(null, failure));
            return alone(group, index + 1, done);
        });
    }

    /** Another placement took the room first, or PostgreSQL broke a lock cycle between two of them. */
    private static boolean retryable(Throwable failure) {
        return failure instanceof Conflict
                || failure instanceof PgException pg && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }

    /** How one launch of a group ended: launched, or failed with {@code failure}. */
    record Outcome(Launched launched, Throwable failure) {
        Uni<Launched> uni() {
            return failure == null ? Uni.createFrom().item(launched) : Uni.createFrom().failure(failure);
        }
    }

    /** A launch with what its task definition asks, ready to place. */
    record Prepared(Launch launch, TaskShape shape, List<PlacementConstraint> constraints, ObjectNode document,
                    ClusterSecuritySettings allowed) {
    }

    /** Where a launch's tasks go, and for tasks that found no host each host's reason. */
    private record Planned(Prepared prepared, List<PlacementPlan.TaskPlacement> placements, List<Failure> failures,
                           boolean complete, List<String> warnings) {
    }

    private Uni<List<Launched>> place(SqlConnection connection, List<Prepared> group) {
        // placements in one cluster queue here, on every replica alike: each sees the one before
        // it, so they do not all pick the same best host and collide. Only a placement on the
        // kept cluster state names this replica: its own notification need not drop that state.
        Launch first = group.get(0).launch();
        boolean named = first.onlyHosts() != null;
        return connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), "
                        + "set_config('berth.placer', $2, true)")
                .execute(Tuple.of("placement/" + first.tenant() + "/" + first.cluster(), named ? "" : states.replica()))
                .chain(locked -> named ? onNamedHosts(connection, group.get(0)).map(List::of) : inCluster(connection, group))
                .chain(planned -> write(connection, planned));
    }

    private Uni<List<Planned>> inCluster(SqlConnection connection, List<Prepared> group) {
        Launch first = group.get(0).launch();
        return states.current(connection, first.tenant(), first.cluster()).chain(current -> {
            List<Planned> planned = place(current.state(), group);
            if (current.fresh() || planned.stream().allMatch(Planned::complete)) {
                return Uni.createFrom().item(planned);
            }
            // the kept state may not have heard yet of room given back a moment ago: look again before saying no
            return states.read(connection, first.tenant(), first.cluster()).map(state -> place(state, group));
        });
    }

    /** Each launch in turn on the state, each seeing the ones before it; kept there: written next, or the state is dropped. */
    private List<Planned> place(ClusterState cluster, List<Prepared> group) {
        synchronized (cluster) {
            List<Planned> planned = new ArrayList<>(group.size());
            for (Prepared prepared : group) {
                Launch launch = prepared.launch();
                PlacementPlan plan = engine.place(cluster, new PlacementRequest(prepared.shape().demand(), launch.count(),
                        prepared.constraints(), launch.strategies(), ThreadLocalRandom.current().nextLong(), false));
                planned.add(new Planned(prepared, plan.placements(),
                        plan.failures().stream().map(r -> failure(launch, r)).toList(), plan.complete(),
                        warnings(plan.missingAttributes())));
            }
            return planned;
        }
    }

    private Uni<Planned> onNamedHosts(SqlConnection connection, Prepared prepared) {
        Launch launch = prepared.launch();
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
                PlacementPlan plan = engine.plan(one, new PlacementRequest(prepared.shape().demand(), 1,
                        prepared.constraints(), List.of(), seed, false));
                placements.addAll(plan.placements());
                plan.failures().forEach(r -> failures.add(failure(launch, r)));
            }
            List<MissingAttribute> missing = MissingAttribute.find(ClusterState.of(snapshots), prepared.constraints(),
                    List.of());
            return new Planned(prepared, placements, failures, failures.isEmpty(), warnings(missing));
        });
    }

    /** One task to write: which launch of the group it belongs to, its host, ports and id. */
    private record NewPlacement(int launch, Planned planned, String hostId, List<AgentMessage.NetworkBinding> bindings,
                                List<String> portKeys, String taskId) {
        TaskDemand demand() {
            return planned.prepared().shape().demand();
        }
    }

    /**
     * Takes the room on every chosen host, queues the start commands and writes the tasks of the
     * whole group: one statement per table however many tasks, and nothing at all when one host
     * no longer has the room.
     */
    private Uni<List<Launched>> write(SqlConnection connection, List<Planned> group) {
        List<NewPlacement> all = new ArrayList<>();
        for (int launch = 0; launch < group.size(); launch++) {
            Planned planned = group.get(launch);
            for (PlacementPlan.TaskPlacement placement : planned.placements()) {
                List<AgentMessage.NetworkBinding> bindings = planned.prepared().shape().bindings(placement.hostPorts());
                all.add(new NewPlacement(launch, planned, placement.instanceId(), bindings,
                        bindings.stream().map(b -> b.protocol() + "/" + b.hostPort()).toList(),
                        UUID.randomUUID().toString().replace("-", "")));
            }
        }
        all.sort(Comparator.comparing(NewPlacement::hostId));
        if (all.isEmpty()) {
            return Uni.createFrom().item(group.stream().map(p -> new Launched(List.of(), p.failures(), p.warnings())).toList());
        }
        String tenant = group.get(0).prepared().launch().tenant();
        List<String> hostIds = all.stream().map(NewPlacement::hostId).toList();
        return hosts.reserveAll(connection, tenant, reservations(all))
                .chain(reserved -> reserved ? commands.enqueueAll(connection, tenant, hostIds, (i, seq) -> start(all.get(i), seq))
                        : Uni.createFrom().failure(new Conflict()))
                .chain(queued -> {
                    List<TaskStore.NewTask> rows = new ArrayList<>(all.size());
                    for (int i = 0; i < all.size(); i++) {
                        rows.add(row(all.get(i), queued.get(i).seq()));
                    }
                    return tasks.insertAll(connection, rows);
                })
                .chain(written -> tagAll(connection, group, all, written).replaceWith(written))
                .map(written -> {
                    List<List<Task>> byLaunch = new ArrayList<>();
                    group.forEach(p -> byLaunch.add(new ArrayList<>()));
                    for (int i = 0; i < all.size(); i++) {
                        byLaunch.get(all.get(i).launch()).add(written.get(i));
                    }
                    List<Launched> launched = new ArrayList<>();
                    for (int launch = 0; launch < group.size(); launch++) {
                        launched.add(new Launched(byLaunch.get(launch), group.get(launch).failures(),
                                group.get(launch).warnings()));
                    }
                    return launched;
                });
    }

    /** Each launch's tasks get its tags, in the transaction that writes them. */
    private Uni<Void> tagAll(SqlConnection connection, List<Planned> group, List<NewPlacement> all, List<Task> written) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (int launch = 0; launch < group.size(); launch++) {
            int index = launch;
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).launch() == index) {
                    arns.add(written.get(i).arn());
                }
            }
            Launch l = group.get(index).prepared().launch();
            done = done.chain(previous -> taskTags.tag(connection, l, arns));
        }
        return done;
    }

    private static AgentMessage.Command start(NewPlacement task, long seq) {
        Launch launch = task.planned().prepared().launch();
        ClusterSecuritySettings allowed = task.planned().prepared().allowed();
        return AgentMessage.Command.start(seq, new AgentMessage.StartTask(
                Task.arn(launch.tenant(), launch.cluster(), task.taskId()), launch.definition().arn(),
                task.planned().prepared().document(), launch.overrides(), task.bindings(), launch.group(), launch.startedBy(),
                new AgentMessage.ElevatedAccess(allowed.allowPrivilegedContainers(), allowed.allowHostNetwork())));
    }

    private static TaskStore.NewTask row(NewPlacement task, long startSeq) {
        Launch launch = task.planned().prepared().launch();
        return new TaskStore.NewTask(launch.tenant(), task.taskId(), launch.cluster(), task.hostId(),
                launch.definition().arn(), launch.definition().family(), launch.group(), launch.startedBy(),
                launch.serviceName(), launch.deploymentId(), task.demand().cpu(), task.demand().memory(), task.portKeys(),
                task.planned().prepared().shape().containersWith(task.bindings()), launch.overrides(), startSeq);
    }

    /** What the tasks take on each host, summed per host. */
    private static List<HostStore.Reservation> reservations(List<NewPlacement> all) {
        Map<String, HostStore.Reservation> perHost = new LinkedHashMap<>();
        for (NewPlacement task : all) {
            perHost.merge(task.hostId(), new HostStore.Reservation(task.hostId(), task.demand().cpu(), task.demand().memory(),
                    task.portKeys()), (a, b) -> new HostStore.Reservation(a.hostId(), a.cpu() + b.cpu(),
                    a.memory() + b.memory(), concat(a.ports(), b.ports())));
        }
        return List.copyOf(perHost.values());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    private static List<String> warnings(List<MissingAttribute> missing) {
        return missing.stream().map(MissingAttribute::message).toList();
    }

    private static Failure failure(Launch launch, Rejection rejection) {
        return new Failure(Host.arn(launch.tenant(), launch.cluster(), rejection.instanceId()), rejection.reason(),
                rejection.detail());
    }

}
