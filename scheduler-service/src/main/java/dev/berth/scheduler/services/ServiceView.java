package dev.berth.scheduler.services;

import dev.berth.scheduler.tasks.TaskStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.tags.PropagateTags;
import dev.berth.scheduler.tags.Tag;
import dev.berth.scheduler.tasks.PlacementParameters;
import dev.berth.scheduler.tasks.TaskStore.ServiceTask;
import java.time.Instant;
import java.util.List;

/** A service as ECS's DescribeServices shows it, with its deployments and latest events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(String serviceArn, String serviceName, String clusterArn, ServiceStatus status,
                          int desiredCount, int runningCount, int pendingCount, String launchType, String taskDefinition,
                          ServicesResource.DeploymentConfigurationSpec deploymentConfiguration,
                          List<DeploymentView> deployments, List<ServiceStore.ServiceEvent> events,
                          List<PlacementParameters.ConstraintSpec> placementConstraints,
                          List<PlacementParameters.StrategySpec> placementStrategy, SchedulingStrategy schedulingStrategy,
                          int healthCheckGracePeriodSeconds, Instant createdAt, String createdBy, List<Tag> tags,
                          String propagateTags) {

    /** The view with the service's tags and how its tasks get tags. */
    ServiceView withTags(List<Tag> serviceTags, PropagateTags propagate) {
        return new ServiceView(serviceArn, serviceName, clusterArn, status, desiredCount, runningCount, pendingCount,
                launchType, taskDefinition, deploymentConfiguration, deployments, events, placementConstraints,
                placementStrategy, schedulingStrategy, healthCheckGracePeriodSeconds, createdAt, createdBy, serviceTags,
                propagate.name());
    }

    public record DeploymentView(String id, DeploymentStatus status, String taskDefinition, int desiredCount, int pendingCount,
                                 int runningCount, int failedTasks, Instant createdAt, Instant updatedAt,
                                 RolloutState rolloutState, String rolloutStateReason) {
    }

    static ServiceView of(Service service, List<Deployment> deployments, List<ServiceTask> tasks,
                          List<ServiceStore.ServiceEvent> events) {
        List<DeploymentView> views = deployments.stream().sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .map(d -> {
                    List<ServiceTask> mine = tasks.stream().filter(t -> d.id().equals(t.task().deploymentId())).toList();
                    int running = (int) mine.stream().filter(t -> t.task().lastStatus() == TaskStatus.RUNNING).count();
                    return new DeploymentView(d.id(), d.status(), d.taskDefinitionArn(),
                            d.primary() ? service.desiredCount() : mine.size(), mine.size() - running, running,
                            d.failedTasks(), d.createdAt(), d.updatedAt(), d.rolloutState(), d.rolloutStateReason());
                }).toList();
        int running = (int) tasks.stream().filter(t -> t.task().lastStatus() == TaskStatus.RUNNING).count();
        return new ServiceView(service.arn(), service.name(), Cluster.arn(service.tenant(), service.cluster()),
                service.status(), service.desiredCount(), running, tasks.size() - running, "EC2",
                service.taskDefinitionArn(), new ServicesResource.DeploymentConfigurationSpec(
                        service.bounds().minimumHealthyPercent(), service.bounds().maximumPercent(),
                        new ServicesResource.CircuitBreaker(service.circuitBreaker(), service.rollback())),
                views, events, ServiceReconciler.constraints(service), ServiceReconciler.strategies(service),
                service.schedulingStrategy(),
                service.healthCheckGraceSeconds(), service.createdAt(), service.createdBy(), null, null);
    }
}
