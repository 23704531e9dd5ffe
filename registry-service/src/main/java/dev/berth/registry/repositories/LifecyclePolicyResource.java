package dev.berth.registry.repositories;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import dev.berth.registry.lifecycle.LifecycleEvaluator;
import dev.berth.registry.lifecycle.LifecyclePolicy;
import dev.berth.registry.lifecycle.LifecycleRunner;
import dev.berth.registry.lifecycle.LifecycleStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ECR's lifecycle policy calls on a repository: Put/Get/DeleteLifecyclePolicy,
 * Start/GetLifecyclePolicyPreview, and (beyond ECR) running the policy now.
 */
@Path("/api/registry/v1/repositories/{name}")
@Tag(name = "Lifecycle policies", description = "Rules that expire a repository's old images")
public class LifecyclePolicyResource {

    @Inject
    LifecycleStore store;

    @Inject
    LifecycleRunner runner;

    @Inject
    TenantRepositories repositories;

    @PUT
    @Path("lifecycle-policy")
    @Requires(Action.MANAGE)
    @Operation(operationId = "PutLifecyclePolicy", summary = "Set the repository's lifecycle policy")
    public Uni<LifecyclePolicyResponse> put(@PathParam("name") String name, PutLifecyclePolicyRequest body) {
        String text = validated(body);
        return repositories.existing(name).call(entry -> store.put(entry.id(), text))
                .map(entry -> new LifecyclePolicyResponse(entry.tenant(), shortName(entry), text, null));
    }

    @GET
    @Path("lifecycle-policy")
    @Requires(Action.READ)
    @Operation(operationId = "GetLifecyclePolicy", summary = "Get the repository's lifecycle policy")
    public Uni<LifecyclePolicyResponse> get(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> store.get(entry.id())
                .map(policy -> answerOrNotFound(entry, name, policy)));
    }

    @DELETE
    @Path("lifecycle-policy")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteLifecyclePolicy", summary = "Delete the repository's lifecycle policy")
    public Uni<LifecyclePolicyResponse> delete(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> store.delete(entry.id())
                .map(policy -> answerOrNotFound(entry, name, policy)));
    }

    /** Runs the repository's policy now instead of waiting for the schedule. */
    @POST
    @Path("lifecycle-policy/executions")
    @Requires(Action.MANAGE)
    @Operation(operationId = "RunLifecyclePolicy",
            summary = "Apply the repository's lifecycle policy now (beyond ECR) and answer what it expired")
    public Uni<LifecyclePolicyExecutionResponse> runNow(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> store.get(entry.id()).chain(policy -> {
            if (policy.isEmpty()) {
                throw noPolicy(name);
            }
            return runner.apply(entry.id(), entry.tenant(), entry.name(), policy.get().text())
                    .map(expired -> new LifecyclePolicyExecutionResponse(name, LifecyclePolicyPreviewResult.of(expired)));
        }));
    }

    @POST
    @Path("lifecycle-policy-preview")
    @Requires(Action.READ)
    @Operation(operationId = "StartLifecyclePolicyPreview",
            summary = "Preview a policy (the given one, else the repository's) over the repository's images")
    public Uni<StartLifecyclePolicyPreviewResponse> startPreview(@PathParam("name") String name,
                                                                 PutLifecyclePolicyRequest body) {
        return repositories.existing(name).chain(entry -> {
            Uni<String> text = body != null && body.lifecyclePolicyText() != null
                    ? Uni.createFrom().item(validated(body))
                    : store.get(entry.id()).map(policy -> policy.orElseThrow(() -> noPolicy(name)).text());
            return text.call(t -> store.startPreview(entry.id(), t))
                    .map(t -> new StartLifecyclePolicyPreviewResponse(entry.tenant(), shortName(entry), t,
                            LifecyclePolicyPreviewStatus.IN_PROGRESS));
        });
    }

    /** The preview is computed when asked for, over the images as they are then, so it is always COMPLETE. */
    @GET
    @Path("lifecycle-policy-preview")
    @Requires(Action.READ)
    @Operation(operationId = "GetLifecyclePolicyPreview", summary = "What the previewed policy would expire now")
    public Uni<GetLifecyclePolicyPreviewResponse> getPreview(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> store.preview(entry.id()).chain(text -> {
            if (text.isEmpty()) {
                throw new ApiException(ErrorCode.LIFECYCLE_POLICY_PREVIEW_NOT_FOUND,
                        "There is no lifecycle policy preview for the repository with name '" + name + "'");
            }
            LifecyclePolicy policy = LifecyclePolicy.parse(text.get());
            return store.images(entry.id()).map(images -> {
                List<LifecyclePolicyPreviewResult> results =
                        LifecyclePolicyPreviewResult.of(LifecycleEvaluator.evaluate(policy, images, Instant.now()));
                return new GetLifecyclePolicyPreviewResponse(entry.tenant(), shortName(entry), text.get(),
                        LifecyclePolicyPreviewStatus.COMPLETE, results, new LifecyclePolicyPreviewSummary(results.size()));
            });
        }));
    }

    private static String validated(PutLifecyclePolicyRequest body) {
        if (body == null || body.lifecyclePolicyText() == null || body.lifecyclePolicyText().isBlank()) {
            throw new InvalidInputException("lifecyclePolicyText", "is required.");
        }
        LifecyclePolicy.parse(body.lifecyclePolicyText());
        return body.lifecyclePolicyText();
    }

    /** Get's and Delete's answer: the policy there was, or LifecyclePolicyNotFoundException. */
    private static LifecyclePolicyResponse answerOrNotFound(RepositoryCatalog.Entry entry, String name,
                                                            Optional<LifecycleStore.StoredPolicy> policy) {
        LifecycleStore.StoredPolicy found = policy.orElseThrow(() -> noPolicy(name));
        return new LifecyclePolicyResponse(entry.tenant(), shortName(entry), found.text(),
                found.lastEvaluatedAt().orElse(null));
    }

    /** The repository's name without its tenant, as ECR's answers name it. */
    private static String shortName(RepositoryCatalog.Entry entry) {
        return entry.name().substring(entry.tenant().length() + 1);
    }

    private static ApiException noPolicy(String name) {
        return new ApiException(ErrorCode.LIFECYCLE_POLICY_NOT_FOUND,
                "Lifecycle policy does not exist for the repository with name '" + name + "'");
    }
}
