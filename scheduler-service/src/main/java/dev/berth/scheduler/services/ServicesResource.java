package dev.berth.scheduler.services;

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
import dev.berth.scheduler.Arns;
import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.clusters.ActiveClusters;
import dev.berth.scheduler.deployments.DeploymentConfiguration;
import dev.berth.scheduler.tags.PropagateTags;
import dev.berth.scheduler.tags.Tag;
import dev.berth.scheduler.tags.TagRules;
import dev.berth.scheduler.tags.TagStore;
import dev.berth.scheduler.taskdefinitions.StoredTaskDefinition;
import dev.berth.scheduler.tasks.LaunchTargets;
import dev.berth.scheduler.tasks.PlacementParameters;
import dev.berth.scheduler.tasks.TaskStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import com.google.re2j.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ECS's CreateService, UpdateService, DescribeServices, ListServices and DeleteService for one cluster. */
@Path("/api/scheduler/v1/clusters/{cluster}/services")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Services")
public class ServicesResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,254}");

    public record CircuitBreaker(Boolean enable, Boolean rollback) {
    }

    /** ECS's DeploymentConfiguration, as given and as shown. */
    public record DeploymentConfigurationSpec(@Schema(examples = "50") Integer minimumHealthyPercent,
                                              @Schema(examples = "200") Integer maximumPercent,
                                              CircuitBreaker deploymentCircuitBreaker) {
    }

    /** ECS's LoadBalancer; Berth has none yet, so a service asking for one is refused. */
    public record LoadBalancer(String targetGroupArn, String loadBalancerName, String containerName,
                               Integer containerPort) {
    }

    /** The answer of CreateService, UpdateService, DescribeService and DeleteService. */
    public record ServiceResponse(ServiceView service) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListServicesResponse(List<String> serviceArns, String nextToken) {
    }

    /** {@code loadBalancers}, {@code enableExecuteCommand} and {@code enableECSManagedTags} are refused when set. */
    public record CreateServiceRequest(@Schema(examples = "web") String serviceName,
                                       @Schema(examples = "web:3") String taskDefinition,
                                       @Schema(examples = "2") Integer desiredCount,
                                       @Schema(examples = "REPLICA") String schedulingStrategy, String launchType,
                                       DeploymentConfigurationSpec deploymentConfiguration,
                                       List<PlacementParameters.ConstraintSpec> placementConstraints,
                                       List<PlacementParameters.StrategySpec> placementStrategy,
                                       Integer healthCheckGracePeriodSeconds, String clientToken, List<Tag> tags,
                                       String propagateTags, Boolean enableECSManagedTags,
                                       List<LoadBalancer> loadBalancers, Boolean enableExecuteCommand) {
    }

    public record UpdateServiceRequest(String taskDefinition, Integer desiredCount,
                                       DeploymentConfigurationSpec deploymentConfiguration,
                                       List<PlacementParameters.ConstraintSpec> placementConstraints,
                                       List<PlacementParameters.StrategySpec> placementStrategy,
                                       Integer healthCheckGracePeriodSeconds, Boolean forceNewDeployment,
                                       String propagateTags, Boolean enableECSManagedTags,
                                       List<LoadBalancer> loadBalancers, Boolean enableExecuteCommand) {
    }

    @Inject
    ActiveClusters clusters;

    @Inject
    ServiceStore services;

    @Inject
    TaskStore tasks;

    @Inject
    LaunchTargets targets;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentPrincipal principal;

    @Inject
    TagStore tags;

    @Inject
    ServicesConfig config;

    private void requireDesiredCount(int desired) {
        if (desired < 0) {
            throw new InvalidInputException("desiredCount", "must not be negative, got " + desired);
        }
        if (desired > config.maxDesiredCount()) {
            throw new InvalidInputException("desiredCount", "at most " + config.maxDesiredCount() + " tasks per service, got " + desired);
        }
    }

    @POST
    @Requires(Action.DEPLOY)
    @Operation(operationId = "CreateService", summary = "Create a service that keeps tasks of a task definition running")
    public Uni<ServiceResponse> create(@PathParam("cluster") String cluster, CreateServiceRequest request) {
        if (request == null || request.serviceName() == null || !NAME.matcher(request.serviceName()).matches()) {
            throw new InvalidInputException("serviceName", "a letter, then up to 254 letters, digits, hyphens and underscores");
        }
        SchedulingStrategy strategy = request.schedulingStrategy() == null ? SchedulingStrategy.REPLICA
                : Arrays.stream(SchedulingStrategy.values()).filter(s -> s.name().equals(request.schedulingStrategy()))
                .findFirst().orElseThrow(() -> new InvalidInputException("schedulingStrategy",
                        "REPLICA or DAEMON, got '" + request.schedulingStrategy() + "'"));
        boolean daemon = strategy == SchedulingStrategy.DAEMON;
        if (daemon && request.desiredCount() != null) {
            throw new InvalidInputException("desiredCount", "a DAEMON service runs one task per host and takes no desiredCount");
        }
        if (daemon && request.placementStrategy() != null && !request.placementStrategy().isEmpty()) {
            throw new InvalidInputException("placementStrategy", "a DAEMON service takes no placement strategy");
        }
        int desired = daemon ? 0 : request.desiredCount() == null ? 1 : request.desiredCount();
        requireDesiredCount(desired);
        if (request.launchType() != null && !List.of("EC2", "EXTERNAL").contains(request.launchType())) {
            throw new InvalidInputException("launchType", "Berth runs EC2 and EXTERNAL launch types, not " + request.launchType());
        }
        DeploymentConfiguration bounds = bounds(request.deploymentConfiguration(),
                daemon ? new DeploymentConfiguration(0, 100) : DeploymentConfiguration.DEFAULT);
        PlacementParameters.constraints("placementConstraints", request.placementConstraints());
        PlacementParameters.strategies("placementStrategy", request.placementStrategy());
        int grace = grace(request.healthCheckGracePeriodSeconds(), 0);
        refuseUnsupported(request.loadBalancers(), request.enableExecuteCommand(), request.enableECSManagedTags());
        List<Tag> serviceTags = TagRules.check("tags", request.tags());
        PropagateTags propagate = PropagateTags.parse("propagateTags", request.propagateTags());
        String tenant = principal.tenant();
        return targets.resolveAllowed(cluster, request.taskDefinition()).chain(target -> {
            String name = target.cluster().name();
            return services.create(new Service(tenant, name, request.serviceName(),
                            ServiceStatus.ACTIVE, strategy, desired, target.definition().arn(), bounds,
                            breaker(request.deploymentConfiguration(), false),
                            rollback(request.deploymentConfiguration(), false), tree(request.placementConstraints()),
                            tree(request.placementStrategy()), grace, false, null, null, null, principal.get().name()),
                            (client, created) -> tags.replace(client, tenant, created.arn(), serviceTags)
                                    .chain(tagged -> tags.setPropagation(client, tenant, name, created.name(), propagate)))
                    .map(created -> created.orElseThrow(() -> new InvalidInputException("serviceName", "a service named '"
                            + request.serviceName() + "' already exists in cluster " + name)));
        }).chain(this::view);
    }

    @PUT
    @Path("{service}")
    @Requires(Action.DEPLOY)
    @Operation(operationId = "UpdateService",
            summary = "Change a service's count, task definition or deployment settings; a new task definition rolls out")
    public Uni<ServiceResponse> update(@PathParam("cluster") String cluster, @PathParam("service") String serviceName,
                                                UpdateServiceRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "an UpdateService request is required");
        }
        if (request.desiredCount() != null) {
            requireDesiredCount(request.desiredCount());
        }
        refuseUnsupported(request.loadBalancers(), request.enableExecuteCommand(), request.enableECSManagedTags());
        PropagateTags propagate = request.propagateTags() == null ? null
                : PropagateTags.parse("propagateTags", request.propagateTags());
        PlacementParameters.constraints("placementConstraints", request.placementConstraints());
        PlacementParameters.strategies("placementStrategy", request.placementStrategy());
        String tenant = principal.tenant();
        return clusters.named(cluster)
                .chain(c -> found(c, Arns.lastSegment(serviceName)).map(service -> Map.entry(c, service)))
                .chain(clusterAndService -> {
                    Cluster inCluster = clusterAndService.getKey();
                    String name = inCluster.name();
                    Service service = clusterAndService.getValue();
                    if (service.daemon() && request.desiredCount() != null) {
                        throw new InvalidInputException(
                                "desiredCount", "a DAEMON service runs one task per host and takes no desiredCount");
                    }
                    Service changed = new Service(tenant, name, service.name(), service.status(),
                            service.schedulingStrategy(),
                            request.desiredCount() != null ? request.desiredCount() : service.desiredCount(),
                            service.taskDefinitionArn(), bounds(request.deploymentConfiguration(), service.bounds()),
                            breaker(request.deploymentConfiguration(), service.circuitBreaker()),
                            rollback(request.deploymentConfiguration(), service.rollback()),
                            request.placementConstraints() != null ? tree(request.placementConstraints())
                                    : service.placementConstraints(),
                            request.placementStrategy() != null ? tree(request.placementStrategy()) : service.placementStrategy(),
                            grace(request.healthCheckGracePeriodSeconds(), service.healthCheckGraceSeconds()),
                            false, null, null, service.createdAt(), service.createdBy());
                    Uni<String> target = request.taskDefinition() == null ? Uni.createFrom().item((String) null)
                            : targets.allowedIn(inCluster, request.taskDefinition()).map(StoredTaskDefinition::arn);
                    return target.chain(arn -> pool.withTransaction(client -> {
                        Uni<Service> updated = services.update(client, changed);
                        if (propagate != null) {
                            updated = updated.chain(s -> tags.setPropagation(client, tenant, name, s.name(), propagate)
                                    .replaceWith(s));
                        }
                        boolean redeploy = (arn != null && !arn.equals(service.taskDefinitionArn()))
                                || Boolean.TRUE.equals(request.forceNewDeployment());
                        return redeploy ? updated.chain(s -> services.newDeployment(client, s,
                                arn != null ? arn : s.taskDefinitionArn(), null).map(d -> s)) : updated;
                    }));
                })
                .chain(updated -> services.find(tenant, updated.cluster(), updated.name()))
                .map(found -> found.orElseThrow())
                .chain(this::view);
    }

    @GET
    @Path("{service}")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeServices", summary = "Describe a service with its deployments and latest events")
    public Uni<ServiceResponse> describe(@PathParam("cluster") String cluster, @PathParam("service") String service) {
        return clusters.named(cluster)
                .chain(c -> found(c, Arns.lastSegment(service)))
                .chain(this::view);
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "ListServices", summary = "List the ARNs of a cluster's services")
    public Uni<ListServicesResponse> list(@PathParam("cluster") String cluster, @QueryParam("maxResults") Integer maxResults,
                                         @QueryParam("nextToken") String nextToken) {
        PageRequest paging = PageRequest.of(maxResults, nextToken, 10, 100);
        return clusters.named(cluster)
                .chain(c -> services.list(c.tenant(), c.name(), paging.after(), paging.rowsToRead()))
                .map(found -> Page.of(found, paging, Service::arn, Service::name))
                .map(page -> new ListServicesResponse(page.items(), page.nextToken()));
    }

    /** ECS: a service with tasks wanted needs {@code force=true} (or desiredCount 0 first); it drains, then turns INACTIVE. */
    @DELETE
    @Path("{service}")
    @Requires(Action.DEPLOY)
    @Operation(operationId = "DeleteService", summary = "Delete a service: it drains, then turns INACTIVE")
    public Uni<ServiceResponse> delete(@PathParam("cluster") String cluster, @PathParam("service") String service,
                                                @QueryParam("force") boolean force) {
        return clusters.named(cluster).chain(c -> found(c, Arns.lastSegment(service))
                .chain(found -> {
                    if (!found.daemon() && found.desiredCount() > 0 && !force) {
                        throw new InvalidInputException("force", "the service still wants " + found.desiredCount()
                                + " tasks; scale it to 0 first or delete with force=true");
                    }
                    return services.setStatus(c.tenant(), c.name(), found.name(), ServiceStatus.DRAINING);
                })
                .chain(ok -> found(c, Arns.lastSegment(service))))
                .chain(this::view);
    }

    private Uni<ServiceResponse> view(Service service) {
        return services.deployments(service.tenant(), service.cluster(), service.name(), false)
                .chain(deployments -> tasks.ofService(service.tenant(), service.cluster(), service.name())
                        .chain(live -> services.events(service.tenant(), service.cluster(), service.name())
                                .map(events -> ServiceView.of(service, deployments, live, events))))
                .chain(view -> tags.list(service.tenant(), service.arn())
                        .chain(serviceTags -> tags.propagation(pool, service.tenant(), service.cluster(), service.name())
                                .map(propagate -> new ServiceResponse(view.withTags(serviceTags, propagate)))));
    }

    /** What ECS has and Berth does not yet: refused by name when asked for, rather than dropped. */
    private static void refuseUnsupported(List<LoadBalancer> loadBalancers, Boolean executeCommand, Boolean managedTags) {
        if (loadBalancers != null && !loadBalancers.isEmpty()) {
            throw new InvalidInputException("loadBalancers", "not supported by Berth yet; leave it out or empty");
        }
        if (Boolean.TRUE.equals(executeCommand)) {
            throw new InvalidInputException("enableExecuteCommand", "not supported by Berth yet; leave it out or false");
        }
        if (Boolean.TRUE.equals(managedTags)) {
            throw new InvalidInputException("enableECSManagedTags", "not supported by Berth yet; leave it out or false");
        }
    }

    private Uni<Service> found(Cluster cluster, String name) {
        return services.find(cluster.tenant(), cluster.name(), name)
                .map(found -> found.filter(s -> s.status() != ServiceStatus.INACTIVE).orElseThrow(() -> new ApiException(
                        ErrorCode.SERVICE_NOT_FOUND, "Service not found: " + name + " in cluster " + cluster.name() + ".")));
    }

    private static DeploymentConfiguration bounds(DeploymentConfigurationSpec spec, DeploymentConfiguration current) {
        if (spec == null) {
            return current;
        }
        return new DeploymentConfiguration(
                spec.minimumHealthyPercent() != null ? spec.minimumHealthyPercent() : current.minimumHealthyPercent(),
                spec.maximumPercent() != null ? spec.maximumPercent() : current.maximumPercent());
    }

    private static boolean breaker(DeploymentConfigurationSpec spec, boolean current) {
        return spec == null || spec.deploymentCircuitBreaker() == null || spec.deploymentCircuitBreaker().enable() == null
                ? current : spec.deploymentCircuitBreaker().enable();
    }

    private static boolean rollback(DeploymentConfigurationSpec spec, boolean current) {
        return spec == null || spec.deploymentCircuitBreaker() == null || spec.deploymentCircuitBreaker().rollback() == null
                ? current : spec.deploymentCircuitBreaker().rollback();
    }

    private static int grace(Integer seconds, int current) {
        if (seconds == null) {
            return current;
        }
        if (seconds < 0 || seconds > 2_147_483) {
            throw new InvalidInputException("healthCheckGracePeriodSeconds", "0 to 2147483, got " + seconds);
        }
        return seconds;
    }

    private JsonNode tree(Object value) {
        return value == null ? json.createArrayNode() : json.valueToTree(value);
    }

}
