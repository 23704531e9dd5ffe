package dev.berth.scheduler.taskdefinitions;

import java.util.Arrays;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.common.http.PageRequest;
import dev.berth.scheduler.Page;
import dev.berth.scheduler.tags.Include;
import dev.berth.scheduler.tags.Tag;
import dev.berth.scheduler.tags.TagRules;
import dev.berth.scheduler.tags.TagStore;
import dev.berth.scheduler.taskroles.TaskRoleUse;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * ECS's RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions and
 * DeregisterTaskDefinition, within the caller's tenant. A task definition is named
 * {@code family} (its latest ACTIVE revision), {@code family:revision}, or by its ARN.
 */
@Path("/api/scheduler/v1/task-definitions")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Task definitions")
public class TaskDefinitionsResource {

    @Inject
    TaskDefinitionStore store;

    @Inject
    TaskDefinitionDocuments documents;

    @Inject
    CurrentPrincipal principal;

    @Inject
    TagStore tagStore;

    /**
     * ECS's RegisterTaskDefinition answer: the new revision and its tags. The task definition is
     * the document as registered with what ECS adds (ARN, revision, status, registeredAt ...).
     */
    public record RegisterTaskDefinitionResponse(
            @Schema(implementation = TaskDefinitionSpec.class) ObjectNode taskDefinition, List<Tag> tags) {
    }

    /** ECS's DeregisterTaskDefinition answer: the revision, now INACTIVE. */
    public record DeregisterTaskDefinitionResponse(
            @Schema(implementation = TaskDefinitionSpec.class) ObjectNode taskDefinition) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListTaskDefinitionsResponse(List<String> taskDefinitionArns, String nextToken) {
    }

    /**
     * The body is ECS's RegisterTaskDefinition input, or a DescribeTaskDefinition answer (its
     * read-only fields dropped); it is read into {@link TaskDefinitionSpec} strictly, and stored as given.
     */
    @POST
    @Requires(Action.DEPLOY)
    @Operation(operationId = "RegisterTaskDefinition", summary = "Register a new revision of a task definition family")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RegisterTaskDefinitionResponse.class)))
    public Uni<RestResponse<RegisterTaskDefinitionResponse>> register(
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = TaskDefinitionSpec.class)))
            JsonNode body) {
        ObjectNode document;
        TaskDefinitionValidator.Sizes sizes;
        TaskDefinitionSpec spec;
        List<Tag> tags;
        document = documents.input(body);
        spec = documents.registration(document);
        sizes = TaskDefinitionValidator.validate(spec);
        tags = TagRules.check("tags", spec.tags());
        document.remove("tags"); // ECS keeps them apart from the definition: ListTagsForResource, TagResource
        TaskRoleUse.require("taskRoleArn", spec.taskRoleArn(), principal.get(), principal.tenant());
        String tenant = principal.tenant();
        return store.register(tenant, document.get("family").asText(), document.toString(), sizes.cpu(),
                        sizes.memory(), principal.get().name(),
                        (client, stored) -> tagStore.replace(client, tenant, stored.arn(), tags))
                .map(stored -> RestResponse.status(RestResponse.Status.CREATED,
                        new RegisterTaskDefinitionResponse(documents.view(stored), tags)));
    }

    @GET
    @Path("{taskDefinition}")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeTaskDefinition",
            summary = "Describe a task definition: family (latest ACTIVE), family:revision or ARN")
    public Uni<DescribeTaskDefinitionResponse> describe(@PathParam("taskDefinition") String name,
                                                       @QueryParam("include") List<String> include) {
        boolean withTags = Include.tags("include", include);
        TaskDefinitionReference reference = TaskDefinitionReference.parse(name);
        String tenant = principal.tenant();
        return store.resolve(tenant, reference)
                .map(found -> found.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                        "Unable to describe task definition '" + name + "': no such family or revision.")))
                .chain(stored -> !withTags ? Uni.createFrom().item(new DescribeTaskDefinitionResponse(documents.view(stored), null))
                        : tagStore.list(tenant, stored.arn())
                        .map(tags -> new DescribeTaskDefinitionResponse(documents.view(stored), tags)));
    }

    /** ECS's DescribeTaskDefinition answer; {@code tags} with include=TAGS. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DescribeTaskDefinitionResponse(
            @Schema(implementation = TaskDefinitionSpec.class) ObjectNode taskDefinition, List<Tag> tags) {
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "ListTaskDefinitions", summary = "List the ARNs of the tenant's task definitions")
    public Uni<ListTaskDefinitionsResponse> list(@QueryParam("familyPrefix") String familyPrefix,
                                         @QueryParam("status") String status,
                                         @QueryParam("maxResults") Integer maxResults,
                                         @QueryParam("nextToken") String nextToken) {
        TaskDefinitionStatus wanted = status == null ? null : Arrays.stream(TaskDefinitionStatus.values())
                .filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidInputException(ErrorCode.CLIENT, "status",
                        "ACTIVE or INACTIVE, got '" + status + "'"));
        PageRequest paging = PageRequest.of(maxResults, nextToken, 100, 100, TaskDefinitionsResource::clientError);
        TaskDefinitionReference after = paging.after() == null ? new TaskDefinitionReference("", 0)
                : TaskDefinitionReference.parse(paging.after());
        return store.list(principal.tenant(), familyPrefix, wanted, after.family(), after.revision(), paging.rowsToRead())
                .map(found -> Page.of(found, paging, StoredTaskDefinition::arn, d -> d.family() + ":" + d.revision()))
                .map(page -> new ListTaskDefinitionsResponse(page.items(), page.nextToken()));
    }

    @DELETE
    @Path("{taskDefinition}")
    @Requires(Action.DEPLOY)
    @Operation(operationId = "DeregisterTaskDefinition", summary = "Deregister a revision: it turns INACTIVE")
    public Uni<DeregisterTaskDefinitionResponse> deregister(@PathParam("taskDefinition") String name) {
        TaskDefinitionReference reference = TaskDefinitionReference.parse(name);
        if (reference.revision() == null) {
            throw clientError("taskDefinition: name a revision to deregister, as family:revision");
        }
        String tenant = principal.tenant();
        return store.deregister(tenant, reference.family(), reference.revision())
                .chain(updated -> updated.isPresent() ? Uni.createFrom().item(updated.get())
                        : store.find(tenant, reference.family(), reference.revision()).map(existing -> {
                            throw existing.isPresent()
                                    ? clientError("The task definition '" + name + "' is already INACTIVE.")
                                    : new ApiException(ErrorCode.NOT_FOUND, "Unable to deregister task definition '"
                                    + name + "': no such family or revision.");
                        }))
                .map(stored -> new DeregisterTaskDefinitionResponse(documents.view(stored)));
    }

    private static InvalidInputException clientError(String message) {
        return InvalidInputException.fromMessage(ErrorCode.CLIENT, message);
    }
}
