package dev.berth.scheduler.tags;

import dev.berth.common.error.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ECS's TagResource, UntagResource and ListTagsForResource, with ECS's request and response
 * shapes, for the caller's clusters, services, tasks and task definitions.
 */
@Path("/api/scheduler/v1/tags")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags")
public class TagsResource {

    public record TagResourceRequest(@Schema(examples = "arn:berth:ecs::acme:cluster/prod") String resourceArn,
                                     List<Tag> tags) {
    }

    public record UntagResourceRequest(@Schema(examples = "arn:berth:ecs::acme:cluster/prod") String resourceArn,
                                       List<String> tagKeys) {
    }

    /** ECS answers TagResource and UntagResource with an empty object (the annotation lets Jackson write {}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Done() {
    }

    public record ListTagsForResourceResponse(List<Tag> tags) {
    }

    @Inject
    TagStore tags;

    @Inject
    TaggedResources resources;

    @Inject
    Pool pool;

    @Inject
    CurrentPrincipal principal;

    @POST
    @Requires(Action.DEPLOY)
    @Operation(operationId = "TagResource", summary = "Add tags to a cluster, service, task or task definition")
    public Uni<Done> tag(TagResourceRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "{\"resourceArn\": ..., \"tags\": [...]} is required");
        }
        String tenant = principal.tenant();
        TaggedResource resource = TaggedResource.parse("resourceArn", request.resourceArn(), tenant);
        if (request.tags() == null || request.tags().isEmpty()) {
            throw new InvalidInputException("tags", "at least one tag is required");
        }
        List<Tag> given = TagRules.check("tags", request.tags());
        return resources.requireExists(tenant, resource)
                .chain(() -> pool.withTransaction(client ->
                        tags.add(client, tenant, resource.arn(), given, "tags")))
                .map(done -> new Done());
    }

    @POST
    @Path("untag")
    @Requires(Action.DEPLOY)
    @Operation(operationId = "UntagResource", summary = "Remove tags by key")
    public Uni<Done> untag(UntagResourceRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "{\"resourceArn\": ..., \"tagKeys\": [...]} is required");
        }
        String tenant = principal.tenant();
        TaggedResource resource = TaggedResource.parse("resourceArn", request.resourceArn(), tenant);
        List<String> keys = TagRules.checkKeys("tagKeys", request.tagKeys());
        return resources.requireExists(tenant, resource)
                .chain(() -> tags.remove(pool, tenant, resource.arn(), keys))
                .map(done -> new Done());
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "ListTagsForResource", summary = "List a resource's tags")
    public Uni<ListTagsForResourceResponse> list(@QueryParam("resourceArn") String resourceArn) {
        String tenant = principal.tenant();
        TaggedResource resource = TaggedResource.parse("resourceArn", resourceArn, tenant);
        return resources.requireExists(tenant, resource)
                .chain(() -> tags.list(tenant, resource.arn()))
                .map(ListTagsForResourceResponse::new);
    }
}
