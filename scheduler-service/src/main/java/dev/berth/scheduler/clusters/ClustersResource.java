package dev.berth.scheduler.clusters;

import dev.berth.common.error.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.http.PageRequest;
import dev.berth.scheduler.Page;
import dev.berth.scheduler.tags.Include;
import dev.berth.scheduler.tags.Tag;
import dev.berth.scheduler.tags.TagRules;
import dev.berth.scheduler.tags.TagStore;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.google.re2j.Pattern;

/**
 * ECS's CreateCluster, DescribeClusters, ListClusters and DeleteCluster within the caller's
 * tenant. A cluster is named by its name or its ARN.
 */
@Path("/api/scheduler/v1/clusters")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Clusters")
public class ClustersResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    /** The body of CreateCluster; ECS's {@code clusterName} defaults to "default". */
    public record CreateClusterRequest(@Schema(examples = "prod") String clusterName, List<Tag> tags) {
    }

    /** The answer of CreateCluster, DescribeCluster, DeleteCluster and PutClusterSecuritySettings. */
    public record ClusterResponse(ClusterView cluster) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListClustersResponse(List<String> clusterArns, String nextToken) {
    }

    @Inject
    ClusterStore store;

    @Inject
    CurrentPrincipal principal;

    @Inject
    TagStore tagStore;

    @Inject
    Pool pool;

    @POST
    @Requires(Action.MANAGE)
    @Operation(operationId = "CreateCluster", summary = "Create a cluster (\"default\" when no name is given)")
    public Uni<ClusterResponse> create(CreateClusterRequest request) {
        String name = request == null || request.clusterName() == null ? "default" : request.clusterName();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("clusterName", "'" + name
                    + "' may hold up to 255 letters, digits, hyphens and underscores");
        }
        List<Tag> tags = TagRules.check("tags", request == null ? null : request.tags());
        String tenant = principal.tenant();
        return store.create(tenant, name, (client, cluster) -> tags.isEmpty() ? Uni.createFrom().voidItem()
                        : tagStore.replace(client, tenant, cluster.arn(), tags))
                .chain(cluster -> view(cluster, true));
    }

    @GET
    @Path("{cluster}")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeClusters", summary = "Describe a cluster by name or ARN; include=TAGS adds its tags")
    public Uni<ClusterResponse> describe(@PathParam("cluster") String cluster,
                                                 @QueryParam("include") List<String> include) {
        boolean withTags = Include.tags("include", include);
        String name = Cluster.nameOf(cluster);
        return store.find(principal.tenant(), name)
                .map(found -> found.orElseThrow(() -> Cluster.notFound(name)))
                .chain(found -> view(found, withTags));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "ListClusters", summary = "List the ARNs of the tenant's clusters")
    public Uni<ListClustersResponse> list(@QueryParam("maxResults") Integer maxResults,
                                         @QueryParam("nextToken") String nextToken) {
        PageRequest paging = PageRequest.of(maxResults, nextToken, 100, 100);
        return store.list(principal.tenant(), paging.after(), paging.rowsToRead())
                .map(found -> Page.of(found, paging, Cluster::arn, Cluster::name))
                .map(page -> new ListClustersResponse(page.items(), page.nextToken()));
    }

    /** The cluster becomes INACTIVE; as in ECS, not while it has hosts or services. */
    @DELETE
    @Path("{cluster}")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteCluster", summary = "Delete a cluster without hosts or services; it turns INACTIVE")
    public Uni<ClusterResponse> delete(@PathParam("cluster") String cluster) {
        String name = Cluster.nameOf(cluster);
        String tenant = principal.tenant();
        return store.counts(tenant, name).chain(counts -> {
            if (counts.hosts() > 0) {
                throw new ApiException(ErrorCode.CLUSTER_CONTAINS_CONTAINER_INSTANCES, "The Cluster cannot be "
                        + "deleted while Container Instances are active or draining (" + counts.hosts() + ").");
            }
            if (counts.services() > 0) {
                throw new ApiException(ErrorCode.CLUSTER_CONTAINS_SERVICES, "The Cluster cannot be deleted while "
                        + "Services are active (" + counts.services() + ").");
            }
            return store.delete(tenant, name);
        })
                .map(deleted -> deleted.orElseThrow(() -> Cluster.notFound(name)))
                // a cluster made again under this name starts without tags
                .call(deleted -> tagStore.replace(pool, tenant, deleted.arn(), List.of()))
                .map(deleted -> new ClusterResponse(ClusterView.of(deleted, ClusterStore.Counts.NONE)));
    }

    /**
     * Allows or forbids privileged containers (with added capabilities) and host networking in a
     * cluster. Platform operators only: either lets a tenant's container take over the host. An
     * operator outside the tenant names the cluster by its ARN.
     */
    @PUT
    @Path("{cluster}/security-settings")
    @Operation(operationId = "PutClusterSecuritySettings",
            summary = "Allow or forbid privileged containers and host networking in a cluster (platform operators)")
    public Uni<ClusterResponse> putSecuritySettings(@PathParam("cluster") String cluster,
                                                             ClusterSecuritySettings settings) {
        if (!principal.get().isPlatformOperator()) {
            throw new ApiException(ErrorCode.ACCESS_DENIED,
                    "Only platform operators change a cluster's security settings.");
        }
        if (settings == null) {
            throw new InvalidInputException("body", "{\"allowPrivilegedContainers\": ..., \"allowHostNetwork\": ...} is required");
        }
        String name = Cluster.nameOf(cluster);
        String tenant = Cluster.tenantOf(cluster).orElseGet(principal::tenant);
        return store.updateSecuritySettings(tenant, name, settings)
                .map(updated -> updated.orElseThrow(() -> Cluster.notFound(name)))
                .chain(this::view);
    }

    private Uni<ClusterResponse> view(Cluster cluster) {
        return view(cluster, false);
    }

    private Uni<ClusterResponse> view(Cluster cluster, boolean withTags) {
        return store.counts(cluster.tenant(), cluster.name())
                .map(counts -> ClusterView.of(cluster, counts))
                .chain(view -> !withTags ? Uni.createFrom().item(view)
                        : tagStore.list(cluster.tenant(), cluster.arn()).map(view::withTags))
                .map(ClusterResponse::new);
    }

}
