package dev.berth.scheduler.hosts;

import java.util.Arrays;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;

import dev.berth.common.error.ApiException;
import dev.berth.common.http.PageRequest;
import dev.berth.scheduler.Failure;
import dev.berth.scheduler.Page;
import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.clusters.ActiveClusters;
import dev.berth.scheduler.events.SchedulerEvents;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.google.re2j.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ECS's container instance calls for the hosts of a cluster: list, describe, drain or activate
 * (UpdateContainerInstancesState), deregister, and custom attributes (PutAttributes,
 * DeleteAttributes). Hosts join through the agent channel, not through this API.
 */
@Path("/api/scheduler/v1/clusters/{cluster}")
@Tag(name = "Container instances")
public class ContainerInstancesResource {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.\\-/]{1,128}");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[A-Za-z0-9_.@\\-/: ]{1,128}");

    public record UpdateStateRequest(List<String> containerInstances, @Schema(examples = "DRAINING") String status) {
    }

    public record Attribute(@Schema(examples = "stack") String name, @Schema(examples = "prod") String value,
                            @Schema(examples = "container-instance") String targetType, String targetId) {
    }

    public record AttributesRequest(List<Attribute> attributes) {
    }

    /** ECS's PutAttributes and DeleteAttributes answer: the attributes as given. */
    public record AttributesResponse(List<Attribute> attributes) {
    }

    /** The answer of DescribeContainerInstance and DeregisterContainerInstance. */
    public record ContainerInstanceResponse(ContainerInstanceView containerInstance) {
    }

    public record UpdateContainerInstancesStateResponse(List<ContainerInstanceView> containerInstances,
                                                        List<Failure> failures) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListContainerInstancesResponse(List<String> containerInstanceArns, String nextToken) {
    }

    @Inject
    ActiveClusters clusters;

    @Inject
    HostStore hosts;

    @Inject
    HostDeregistration deregistration;

    @Inject
    SchedulerEvents events;

    @GET
    @Path("container-instances")
    @Requires(Action.READ)
    @Operation(operationId = "ListContainerInstances", summary = "List the ARNs of a cluster's container instances")
    public Uni<ListContainerInstancesResponse> list(@PathParam("cluster") String cluster, @QueryParam("status") String status,
                                         @QueryParam("maxResults") Integer maxResults,
                                         @QueryParam("nextToken") String nextToken) {
        HostStatus wanted = status == null ? null : Arrays.stream(HostStatus.values())
                .filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidInputException("status", "ACTIVE, DRAINING or INACTIVE, got '" + status + "'"));
        PageRequest paging = PageRequest.of(maxResults, nextToken, 100, 100);
        return clusters.named(cluster)
                .chain(c -> hosts.list(c.tenant(), c.name(), wanted, paging.after(), paging.rowsToRead()))
                .map(found -> Page.of(found, paging, Host::arn, Host::id))
                .map(page -> new ListContainerInstancesResponse(page.items(), page.nextToken()));
    }

    @GET
    @Path("container-instances/{instance}")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeContainerInstances", summary = "Describe a container instance of a cluster")
    public Uni<ContainerInstanceResponse> describe(@PathParam("cluster") String cluster,
                                                            @PathParam("instance") String instance) {
        return found(cluster, Host.idOf(instance))
                .map(host -> new ContainerInstanceResponse(ContainerInstanceView.of(host)));
    }

    /** ECS's UpdateContainerInstancesState: DRAINING moves service tasks away; ACTIVE takes tasks again. */
    @POST
    @Path("container-instances/state")
    @Requires(Action.MANAGE)
    @Operation(operationId = "UpdateContainerInstancesState", summary = "Drain container instances or make them ACTIVE again")
    public Uni<UpdateContainerInstancesStateResponse> updateState(@PathParam("cluster") String cluster, UpdateStateRequest request) {
        if (request == null || request.containerInstances() == null || request.containerInstances().isEmpty()) {
            throw new InvalidInputException("containerInstances", "at least one container instance is required");
        }
        if (request.containerInstances().size() > 10) {
            throw new InvalidInputException("containerInstances", "at most 10, got " + request.containerInstances().size());
        }
        HostStatus status = HostStatus.ACTIVE.name().equals(request.status()) ? HostStatus.ACTIVE
                : HostStatus.DRAINING.name().equals(request.status()) ? HostStatus.DRAINING : null;
        if (status == null) {
            throw new InvalidInputException("status", "ACTIVE or DRAINING, got '" + request.status() + "'");
        }
        HostStatus target = status;
        return clusters.named(cluster).chain(c -> {
            List<Uni<Optional<Host>>> updates = new ArrayList<>();
            for (String instance : request.containerInstances()) {
                updates.add(hosts.setStatus(c.tenant(), c.name(), Host.idOf(instance), target));
            }
            return Uni.join().all(updates).andFailFast().map(results -> stateChanged(c, request, target, results));
        });
    }

    private UpdateContainerInstancesStateResponse stateChanged(Cluster cluster, UpdateStateRequest request,
                                                               HostStatus target, List<Optional<Host>> results) {
        List<ContainerInstanceView> updated = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Optional<Host> host = results.get(i);
            if (host.isPresent()) {
                updated.add(ContainerInstanceView.of(host.get()));
                events.hostChanged(host.get(), target.name());
            } else {
                failures.add(Failure.missing(Host.arn(cluster.tenant(), cluster.name(),
                        Host.idOf(request.containerInstances().get(i)))));
            }
        }
        return new UpdateContainerInstancesStateResponse(updated, failures);
    }

    /**
     * ECS's DeregisterContainerInstance. With tasks still on the host it needs {@code force=true};
     * those tasks are then STOPPED and services start them elsewhere.
     */
    @DELETE
    @Path("container-instances/{instance}")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeregisterContainerInstance",
            summary = "Deregister a container instance; force=true stops the tasks still on it")
    public Uni<ContainerInstanceResponse> deregister(@PathParam("cluster") String cluster,
                                                              @PathParam("instance") String instance,
                                                              @QueryParam("force") boolean force) {
        return found(cluster, Host.idOf(instance)).chain(host -> {
            if (!force && host.runningTasks() + host.pendingTasks() > 0) {
                throw new InvalidInputException("force", "the container instance still has "
                        + (host.runningTasks() + host.pendingTasks())
                        + " tasks; stop them first or deregister with force=true");
            }
            return deregistration.deregister(host);
        }).map(host -> new ContainerInstanceResponse(ContainerInstanceView.of(host)));
    }

    /** ECS's PutAttributes for container instances of this cluster. */
    @PUT
    @Path("attributes")
    @Requires(Action.MANAGE)
    @Operation(operationId = "PutAttributes", summary = "Set custom attributes of container instances")
    public Uni<AttributesResponse> putAttributes(@PathParam("cluster") String cluster, AttributesRequest request) {
        return changeAttributes(cluster, request, false);
    }

    /** ECS's DeleteAttributes. */
    @POST
    @Path("attributes/delete")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteAttributes", summary = "Remove custom attributes of container instances")
    public Uni<AttributesResponse> deleteAttributes(@PathParam("cluster") String cluster,
                                                              AttributesRequest request) {
        return changeAttributes(cluster, request, true);
    }

    private Uni<AttributesResponse> changeAttributes(String cluster, AttributesRequest request, boolean delete) {
        if (request == null || request.attributes() == null || request.attributes().isEmpty()) {
            throw new InvalidInputException("attributes", "at least one attribute is required");
        }
        Map<String, Map<String, String>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < request.attributes().size(); i++) {
            Attribute attribute = request.attributes().get(i);
            String field = "attributes[" + i + "]";
            if (attribute.name() == null || !ATTRIBUTE_NAME.matcher(attribute.name()).matches()) {
                throw new InvalidInputException(field + ".name", "up to 128 letters, digits, '_', '.', '-', '/'; got '"
                        + attribute.name() + "'");
            }
            if (attribute.name().toLowerCase(java.util.Locale.ROOT).startsWith("berth.")) {
                throw new InvalidInputException(field + ".name", "'" + attribute.name()
                        + "' is reserved: names starting with 'berth.' come only from the platform's host agent");
            }
            if (!delete && attribute.value() != null && !ATTRIBUTE_VALUE.matcher(attribute.value()).matches()) {
                throw new InvalidInputException(field + ".value", "up to 128 letters, digits, spaces and '_.@-/:'; got '"
                        + attribute.value() + "'");
            }
            if (attribute.targetType() != null && !"container-instance".equals(attribute.targetType())) {
                throw new InvalidInputException(field + ".targetType", "only container-instance is supported");
            }
            if (attribute.targetId() == null || attribute.targetId().isBlank()) {
                throw new InvalidInputException(field + ".targetId", "the container instance is required");
            }
            byHost.computeIfAbsent(Host.idOf(attribute.targetId()), k -> new LinkedHashMap<>())
                    .put(attribute.name(), attribute.value());
        }
        return clusters.named(cluster).chain(c -> {
            List<Uni<Boolean>> changes = new ArrayList<>();
            byHost.forEach((hostId, attributes) -> changes.add(delete
                    ? hosts.deleteAttributes(c.tenant(), c.name(), hostId, List.copyOf(attributes.keySet()))
                    : hosts.putAttributes(c.tenant(), c.name(), hostId, attributes)));
            return Uni.join().all(changes).andFailFast().map(results -> {
                List<String> ids = List.copyOf(byHost.keySet());
                for (int i = 0; i < results.size(); i++) {
                    if (!results.get(i)) {
                        throw new ApiException(ErrorCode.TARGET_NOT_FOUND, "attributes: no container instance '"
                                + ids.get(i) + "' in cluster " + c.name());
                    }
                }
                return new AttributesResponse(request.attributes());
            });
        });
    }

    private Uni<Host> found(String cluster, String hostId) {
        return clusters.named(cluster)
                .chain(c -> hosts.find(c.tenant(), hostId)
                        .map(host -> host.filter(h -> h.cluster().equals(c.name())).orElseThrow(
                                () -> new InvalidInputException("containerInstance",
                                        "no container instance '" + hostId + "' in cluster " + c.name()))));
    }

}
