package dev.berth.scheduler.services;

import dev.berth.scheduler.hosts.HostStatus;
import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.deployments.RollingUpdate;
import dev.berth.scheduler.events.SchedulerEvents;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.hosts.HostStore;
import dev.berth.scheduler.placement.PlacementStrategy;
import dev.berth.scheduler.placement.SpreadKeepingStops;
import dev.berth.scheduler.taskdefinitions.StoredTaskDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionReference;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionStore;
import dev.berth.scheduler.tasks.PlacementParameters;
import dev.berth.scheduler.tasks.Task;
import dev.berth.scheduler.tasks.TaskLauncher;
import dev.berth.scheduler.tasks.TaskStore;
import dev.berth.scheduler.tasks.TaskStore.ServiceTask;
import dev.berth.scheduler.tasks.TaskTermination;
import dev.berth.common.async.Unis;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Brings each service a step closer to what it should be, the way ECS's service scheduler does:
 * replaces failed and unhealthy tasks, rolls deployments within minimumHealthyPercent and
 * maximumPercent ({@link RollingUpdate}), moves tasks off DRAINING hosts, runs one task per host
 * for DAEMON services, trips the circuit breaker (and rolls back), and writes the service events.
 * One pass per service at a time; only the replica holding the leader lock runs passes.
 */
@ApplicationScoped
public class ServiceReconciler {

    private static final Logger LOG = Logger.getLogger(ServiceReconciler.class);

    @Inject
    ServiceStore services;

    @Inject
    TaskStore tasks;

    @Inject
    HostStore hosts;

    @Inject
    TaskLauncher launcher;

    @Inject
    TaskTermination termination;

    @Inject
    TaskDefinitionStore definitions;

    @Inject
    SchedulerEvents events;

    @Inject
    Pool pool;

    @Inject
    ServicesConfig config;

    /** One pass over every live service. */
    public Uni<Void> reconcileAll() {
        return services.live().chain(all -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Service service : all) {
                chain = chain.chain(ok -> reconcile(service).onFailure().recoverWithUni(e -> {
                    LOG.warnf(e, "service %s/%s/%s not reconciled", service.tenant(), service.cluster(), service.name());
                    return Uni.createFrom().voidItem();
                }));
            }
            return chain;
        });
    }

    Uni<Void> reconcile(Service service) {
        return services.deployments(service.tenant(), service.cluster(), service.name(), false)
                .chain(deployments -> tasks.ofService(service.tenant(), service.cluster(), service.name())
                        .chain(live -> {
                            if (service.status() != ServiceStatus.ACTIVE) {
                                return drainDeleted(service, live);
                            }
                            Deployment primary = deployments.stream().filter(Deployment::primary).findFirst().orElse(null);
                            if (primary == null) {
                                return Uni.createFrom().voidItem();
                            }
                            return retireFailed(primary, deployments, live)
                                    .chain(ok -> stopUnhealthy(service, live))
                                    .chain(remaining -> service.daemon()
                                            ? daemon(service, primary, deployments, remaining)
                                            : replica(service, primary, deployments, remaining));
                        }));
    }

    private Uni<Void> drainDeleted(Service service, List<ServiceTask> live) {
        if (live.isEmpty()) {
            return services.setStatus(service.tenant(), service.cluster(), service.name(), ServiceStatus.INACTIVE);
        }
        return stop(service, live.stream().map(ServiceTask::task).toList(), "Service " + service.name() + " was deleted")
                .replaceWithVoid();
    }

    /** Tasks whose health check failed after the grace period are replaced. */
    private Uni<List<ServiceTask>> stopUnhealthy(Service service, List<ServiceTask> live) {
        Instant graceEnd = Instant.now().minusSeconds(service.healthCheckGraceSeconds());
        List<Task> unhealthy = live.stream().map(ServiceTask::task)
                .filter(t -> "UNHEALTHY".equals(t.healthStatus()) && t.startedAt() != null && t.startedAt().isBefore(graceEnd))
                .toList();
        if (unhealthy.isEmpty()) {
            return Uni.createFrom().item(live);
        }
        return stop(service, unhealthy, "Task failed container health checks")
                .map(ok -> live.stream().filter(t -> !unhealthy.contains(t.task())).toList());
    }

    private Uni<Void> replica(Service service, Deployment primary, List<Deployment> deployments, List<ServiceTask> live) {
        List<ServiceTask> fresh = live.stream()
                .filter(t -> primary.id().equals(t.task().deploymentId()) && t.hostStatus() == HostStatus.ACTIVE).toList();
        List<ServiceTask> old = live.stream().filter(t -> !fresh.contains(t)).toList();
        RollingUpdate.Fleet fleet = new RollingUpdate.Fleet(count(old, true), count(old, false), count(fresh, true),
                count(fresh, false));
        RollingUpdate.Step step = halted(primary) ? RollingUpdate.halted(service.desiredCount(), fleet)
                : RollingUpdate.next(service.desiredCount(), service.bounds(), fleet);
        return stopsOf(service, step, old, fresh, live)
                .chain(toStop -> stop(service, toStop, "Scaling activity initiated by (deployment " + primary.id() + ")"))
                .chain(ok -> start(service, primary, step.startNew(), null))
                .chain(ok -> checkBreaker(service, primary, deployments))
                .chain(trippedOrNot -> step.complete() ? completed(service, primary, deployments) : unsteady(service));
    }

    private Uni<Void> daemon(Service service, Deployment primary, List<Deployment> deployments, List<ServiceTask> live) {
        return hosts.placeable(pool, service.tenant(), service.cluster()).chain(cluster -> {
            Map<String, List<ServiceTask>> byHost = live.stream().collect(Collectors.groupingBy(t -> t.task().hostId()));
            List<Task> toStop = new ArrayList<>();
            List<String> startOn = new ArrayList<>();
            for (ServiceTask task : live) {
                if (task.hostStatus() != HostStatus.ACTIVE) {
                    toStop.add(task.task());
                }
            }
            for (Host host : cluster) {
                if (host.status() != HostStatus.ACTIVE || !host.agentConnected() || halted(primary)) {
                    continue;
                }
                List<ServiceTask> here = byHost.getOrDefault(host.id(), List.of());
                boolean hasCurrent = here.stream().anyMatch(t -> primary.id().equals(t.task().deploymentId()));
                here.stream().filter(t -> !primary.id().equals(t.task().deploymentId())).forEach(t -> toStop.add(t.task()));
                if (!hasCurrent && here.stream().allMatch(t -> primary.id().equals(t.task().deploymentId()))) {
                    startOn.add(host.id());
                }
            }
            boolean complete = !halted(primary) && toStop.isEmpty() && startOn.isEmpty()
                    && live.stream().allMatch(ServiceTask::healthy);
            return stop(service, toStop, "Scaling activity initiated by (deployment " + primary.id() + ")")
                    .chain(ok -> start(service, primary, startOn.size(), startOn))
                    .chain(ok -> checkBreaker(service, primary, deployments))
                    .chain(ok -> complete ? completed(service, primary, deployments) : unsteady(service));
        });
    }

    private static int count(List<ServiceTask> tasks, boolean healthy) {
        return (int) tasks.stream().filter(t -> t.healthy() == healthy).count();
    }

    /**
     * The tasks a round stops: old ones not yet healthy, old ones on hosts no longer ACTIVE, other
     * old ones, surplus new ones not yet healthy, surplus healthy ones. Within each, as ECS does, a
     * stop comes from where the service's spread holds the most tasks, so that a rolling update or
     * a scale-in keeps the service balanced; among equals the oldest old task and the newest new one go.
     */
    private Uni<List<Task>> stopsOf(Service service, RollingUpdate.Step step, List<ServiceTask> old,
                                       List<ServiceTask> fresh, List<ServiceTask> live) {
        List<PlacementStrategy> strategies = PlacementParameters.strategies("placementStrategy", strategies(service));
        boolean choosing = step.stopOldRunning() + step.stopNewPending() + step.stopNewRunning() > 0
                && strategies.stream().anyMatch(PlacementStrategy.Spread.class::isInstance);
        Uni<Map<String, Map<String, String>>> attributes = !choosing ? Uni.createFrom().item(Map.of())
                : hosts.placeable(pool, service.tenant(), service.cluster())
                .map(found -> found.stream().collect(Collectors.toMap(Host::id, Host::attributes)));
        return attributes.map(attributesOfHost -> {
            var stops = new SpreadKeepingStops<ServiceTask>(strategies, attributesOfHost, t -> t.task().hostId(), live);
            Comparator<ServiceTask> oldestFirst = Comparator.comparing(t -> t.task().createdAt());
            List<ServiceTask> oldRunning = of(old, true, oldestFirst);
            List<ServiceTask> chosen = new ArrayList<>(stops.choose(of(old, false, oldestFirst), step.stopOldPending()));
            List<ServiceTask> leaving = stops.choose(oldRunning.stream().filter(t -> t.hostStatus() != HostStatus.ACTIVE)
                    .toList(), step.stopOldRunning());
            chosen.addAll(leaving);
            chosen.addAll(stops.choose(oldRunning.stream().filter(t -> t.hostStatus() == HostStatus.ACTIVE).toList(),
                    step.stopOldRunning() - leaving.size()));
            chosen.addAll(stops.choose(of(fresh, false, oldestFirst.reversed()), step.stopNewPending()));
            chosen.addAll(stops.choose(of(fresh, true, oldestFirst.reversed()), step.stopNewRunning()));
            return chosen.stream().map(ServiceTask::task).toList();
        });
    }

    private static List<ServiceTask> of(List<ServiceTask> tasks, boolean healthy, Comparator<ServiceTask> order) {
        return tasks.stream().filter(t -> t.healthy() == healthy).sorted(order).toList();
    }

    private Uni<Void> stop(Service service, List<Task> toStop, String reason) {
        if (toStop.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Task>> stops = new ArrayList<>();
        for (Task task : toStop) {
            stops.add(termination.stop(task.tenant(), task.cluster(), task.id(), "ServiceSchedulerInitiated", reason));
        }
        return Unis.all(stops).chain(ok -> event(service, "(service " + service.name() + ") has stopped " + toStop.size()
                + " running tasks: " + toStop.stream().map(t -> "(task " + t.id() + ")").collect(Collectors.joining(" "))
                + "."));
    }

    /** Starts {@code count} tasks of the deployment (on {@code onHosts} for a daemon), ten per placement at most. */
    private Uni<Void> start(Service service, Deployment deployment, int count, List<String> onHosts) {
        if (count == 0) {
            return Uni.createFrom().voidItem();
        }
        return definition(service, deployment.taskDefinitionArn()).chain(definition -> {
            List<Uni<TaskLauncher.Launched>> launches = new ArrayList<>();
            for (int from = 0; from < count; from += 10) {
                int batch = Math.min(10, count - from);
                List<String> hostsOfBatch = onHosts == null ? null : onHosts.subList(from, from + batch);
                launches.add(launcher.launch(TaskLauncher.Launch.forService(service.tenant(), service.cluster(), definition,
                        batch, service.group(), service.name(), deployment.id(),
                        PlacementParameters.constraints("placementConstraints", constraints(service)),
                        PlacementParameters.strategies("placementStrategy", strategies(service)), hostsOfBatch)));
            }
            return Unis.all(launches).chain(all -> {
                List<Task> started = new ArrayList<>();
                List<TaskLauncher.Failure> failures = new ArrayList<>();
                Set<String> warnings = new LinkedHashSet<>();
                for (TaskLauncher.Launched launched : all) {
                    started.addAll(launched.tasks());
                    failures.addAll(launched.failures());
                    warnings.addAll(launched.warnings());
                }
                Uni<Void> done = started.isEmpty() ? Uni.createFrom().voidItem()
                        : event(service, "(service " + service.name() + ") has started " + started.size() + " tasks: "
                        + started.stream().map(t -> "(task " + t.id() + ")").collect(Collectors.joining(" ")) + ".");
                if (started.size() < count) {
                    done = done.chain(ok -> placementFailed(service, failures));
                }
                for (String warning : warnings) {
                    done = done.chain(ok -> eventAtMostEvery(config.placementEventEvery(), service,
                            "(service " + service.name() + ") " + warning + "."));
                }
                return done;
            });
        });
    }

    private Uni<StoredTaskDefinition> definition(Service service, String arn) {
        return definitions.resolve(service.tenant(), TaskDefinitionReference.parse(arn))
                .map(found -> found.orElseThrow(() -> new IllegalStateException("task definition " + arn + " is gone")));
    }

    /** ECS's event, written at most once a minute while the reason stays the same. */
    private Uni<Void> placementFailed(Service service, List<TaskLauncher.Failure> failures) {
        String message = "(service " + service.name() + ") was unable to place a task because no container instance met "
                + "all of its requirements." + closest(failures);
        boolean repeated = message.equals(service.lastPlacementFailure()) && service.lastPlacementFailureAt() != null
                && service.lastPlacementFailureAt().isAfter(Instant.now().minus(config.placementEventEvery()));
        if (repeated) {
            return Uni.createFrom().voidItem();
        }
        return services.placementFailed(service, message).chain(ok -> event(service, message));
    }

    private static String closest(List<TaskLauncher.Failure> failures) {
        if (failures.isEmpty()) {
            return " No container instance is registered and ACTIVE.";
        }
        TaskLauncher.Failure first = failures.get(0);
        String instance = first.arn().substring(first.arn().lastIndexOf('/') + 1);
        String why = switch (first.reason()) {
            case "RESOURCE:MEMORY" -> "has insufficient memory available";
            case "RESOURCE:CPU" -> "has insufficient CPU units available";
            case "RESOURCE:PORTS" -> "is already using a port required by your task";
            case "MissingAttribute" -> "is missing an attribute required by your task";
            case "AGENT" -> "is not ACTIVE or its agent is disconnected";
            default -> first.detail() == null ? first.reason() : first.detail();
        };
        return " The closest matching (container-instance " + instance + ") " + why + ".";
    }

    /**
     * The deployment circuit breaker: too many failed tasks fail the deployment and, if asked, roll
     * it back to the latest COMPLETED deployment. As in ECS, a rollback that fails is not rolled
     * back again: like a failed deployment with nothing to roll back to, it stays PRIMARY and FAILED,
     * and the service stops launching tasks until an UpdateService starts a new deployment.
     */
    private Uni<Void> checkBreaker(Service service, Deployment primary, List<Deployment> deployments) {
        if (primary.rolloutState() != RolloutState.IN_PROGRESS) {
            return Uni.createFrom().voidItem();
        }
        return tasks.failedOfDeployment(service.tenant(), primary.id()).chain(failed -> {
            int threshold = Math.min(200, Math.max(3, (service.desiredCount() + 1) / 2));
            if (!service.circuitBreaker() || failed < threshold) {
                return failed == primary.failedTasks() ? Uni.createFrom().voidItem()
                        : services.updateDeployment(primary, primary.status(), primary.rolloutState(),
                        primary.rolloutStateReason(), failed);
            }
            String reason = "ECS deployment circuit breaker: " + failed + " tasks failed to start.";
            Uni<Void> failedNow = services.updateDeployment(primary, primary.status(), RolloutState.FAILED, reason, failed)
                    .chain(ok -> event(service, "(service " + service.name() + ") (deployment " + primary.id()
                            + ") deployment failed: tasks failed to start."))
                    .invoke(ok -> events.deploymentChanged(service.tenant(), Map.of("eventName", "SERVICE_DEPLOYMENT_FAILED",
                            "deploymentId", primary.id(), "serviceArn", service.arn(), "reason", reason), "deployment failed"));
            Optional<Deployment> previous = deployments.stream()
                    .filter(d -> !d.primary() && d.rolloutState() == RolloutState.COMPLETED)
                    .max(Comparator.comparing(Deployment::createdAt));
            String noRollback = !service.rollback() ? "rollback is not enabled"
                    : primary.rollbackOf() != null ? "it was the rollback of (deployment " + primary.rollbackOf()
                    + "), and a failed rollback is not rolled back"
                    : previous.isEmpty() ? "no earlier deployment completed" : null;
            if (noRollback != null) {
                return failedNow.chain(ok -> event(service, "(service " + service.name()
                        + ") has stopped launching tasks: (deployment " + primary.id() + ") failed and " + noRollback
                        + ". Update the service to start a new deployment."));
            }
            return failedNow.chain(ok -> pool.withTransaction(client ->
                            services.newDeployment(client, service, previous.get().taskDefinitionArn(), primary.id())))
                    .chain(rollback -> event(service, "(service " + service.name() + ") rolling back to deployment "
                            + previous.get().id() + " (task definition " + previous.get().taskDefinitionArn() + ") as "
                            + rollback.id() + "."));
        });
    }

    /** A deployment the circuit breaker failed with no rollback left launches nothing more. */
    private static boolean halted(Deployment primary) {
        return primary.rolloutState() == RolloutState.FAILED;
    }

    /** FAILED deployments leave the service's ACTIVE deployments once none of their tasks is left. */
    private Uni<Void> retireFailed(Deployment primary, List<Deployment> deployments, List<ServiceTask> live) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Deployment deployment : deployments) {
            boolean tasksLeft = live.stream().anyMatch(t -> deployment.id().equals(t.task().deploymentId()));
            if (!deployment.id().equals(primary.id()) && deployment.rolloutState() == RolloutState.FAILED && !tasksLeft) {
                done = done.chain(ok -> services.updateDeployment(deployment, DeploymentStatus.INACTIVE,
                        deployment.rolloutState(),
                        deployment.rolloutStateReason(), deployment.failedTasks()));
            }
        }
        return done;
    }

    private Uni<Void> completed(Service service, Deployment primary, List<Deployment> deployments) {
        Uni<Void> done = Uni.createFrom().voidItem();
        if (primary.rolloutState() == RolloutState.IN_PROGRESS) {
            done = done.chain(ok -> services.updateDeployment(primary, DeploymentStatus.PRIMARY, RolloutState.COMPLETED,
                            "ECS deployment " + primary.id() + " completed.", primary.failedTasks()))
                    .chain(ok -> event(service, "(service " + service.name() + ") (deployment " + primary.id()
                            + ") deployment completed."))
                    .invoke(ok -> events.deploymentChanged(service.tenant(), Map.of("eventName",
                            "SERVICE_DEPLOYMENT_COMPLETED", "deploymentId", primary.id(), "serviceArn", service.arn()),
                            "deployment completed"));
        }
        for (Deployment older : deployments) {
            if (!older.primary()) {
                done = done.chain(ok -> services.updateDeployment(older, DeploymentStatus.INACTIVE, older.rolloutState(),
                        older.rolloutStateReason(), older.failedTasks()));
            }
        }
        if (!service.steady()) {
            done = done.chain(ok -> services.setSteady(service, true))
                    .chain(ok -> event(service, "(service " + service.name() + ") has reached a steady state."));
        }
        return done;
    }

    private Uni<Void> unsteady(Service service) {
        return service.steady() ? services.setSteady(service, false) : Uni.createFrom().voidItem();
    }

    private Uni<Void> event(Service service, String message) {
        publish(service, message);
        return services.addEvent(service, message);
    }

    /** As {@link #event}, unless the service had the same event within {@code every}. */
    private Uni<Void> eventAtMostEvery(Duration every, Service service, String message) {
        return services.addEventUnlessRecent(service, message, every).map(added -> {
            if (added) {
                publish(service, message);
            }
            return null;
        });
    }

    private void publish(Service service, String message) {
        events.serviceAction(service.tenant(), Map.of("eventType", "INFO", "eventName", "SERVICE_EVENT",
                "clusterArn", Cluster.arn(service.tenant(), service.cluster()),
                "serviceArn", service.arn(), "message", message), message);
    }

    static List<PlacementParameters.ConstraintSpec> constraints(Service service) {
        List<PlacementParameters.ConstraintSpec> specs = new ArrayList<>();
        service.placementConstraints().forEach(c -> specs.add(new PlacementParameters.ConstraintSpec(
                c.path("type").asText(null), c.path("expression").asText(null))));
        return specs;
    }

    static List<PlacementParameters.StrategySpec> strategies(Service service) {
        List<PlacementParameters.StrategySpec> specs = new ArrayList<>();
        service.placementStrategy().forEach(s -> specs.add(new PlacementParameters.StrategySpec(
                s.path("type").asText(null), s.path("field").asText(null))));
        return specs;
    }
}
