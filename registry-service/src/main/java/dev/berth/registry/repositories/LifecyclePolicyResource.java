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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ECR's lifecycle policy calls on a repository: Put/Get/DeleteLifecyclePolicy,
 * Start/GetLifecyclePolicyPreview, and (beyond ECR) running the policy now.
 */
@Path("/api/registry/v1/repositories/{name}")
public class LifecyclePolicyResource {

    /** PutLifecyclePolicy's and StartLifecyclePolicyPreview's body: the policy as a JSON string, as ECR takes it. */
    public record PolicyText(String lifecyclePolicyText) {
    }

    @Inject
    LifecycleStore store;

    @Inject
    LifecycleRunner runner;

    @Inject
    TenantRepositories repositories;

    @PUT
    @Path("lifecycle-policy")
    @Requires(Action.MANAGE)
    public Uni<Map<String, Object>> put(@PathParam("name") String name, PolicyText body) {
        String text = validated(body);
        return repositories.existing(name).call(entry -> store.put(entry.id(), text))
                .map(entry -> answer(entry, text, null));
    }

    @GET
    @Path("lifecycle-policy")
    @Requires(Action.READ)
    public Uni<Map<String, Object>> get(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> store.get(entry.id())
                .map(policy -> answerOrNotFound(entry, name, policy)));
    }

    @DELETE
    @Path("lifecycle-policy")
    @Requires(Action.MANAGE)
    public Uni<Map<String, Object>> delete(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> store.delete(entry.id())
                .map(policy -> answerOrNotFound(entry, name, policy)));
    }

    /** Runs the repository's policy now instead of waiting for the schedule. */
    @POST
    @Path("lifecycle-policy/executions")
    @Requires(Action.MANAGE)
    public Uni<Map<String, Object>> runNow(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> store.get(entry.id()).chain(policy -> {
            if (policy.isEmpty()) {
                throw noPolicy(name);
            }
            return runner.apply(entry.id(), entry.tenant(), entry.name(), policy.get().text())
                    .map(expired -> Map.of("repositoryName", name, "expiredImages", results(expired)));
        }));
    }

    @POST
    @Path("lifecycle-policy-preview")
    @Requires(Action.READ)
    public Uni<Map<String, Object>> startPreview(@PathParam("name") String name, PolicyText body) {
        return repositories.existing(name).chain(entry -> {
            Uni<String> text = body != null && body.lifecyclePolicyText() != null
                    ? Uni.createFrom().item(validated(body))
                    : store.get(entry.id()).map(policy -> policy.orElseThrow(() -> noPolicy(name)).text());
            return text.call(t -> store.startPreview(entry.id(), t))
                    .map(t -> {
                        Map<String, Object> answer = answer(entry, t, null);
                        answer.put("status", "IN_PROGRESS");
                        return answer;
                    });
        });
    }

    /** The preview is computed when asked for, over the images as they are then, so it is always COMPLETE. */
    @GET
    @Path("lifecycle-policy-preview")
    @Requires(Action.READ)
    public Uni<Map<String, Object>> getPreview(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> store.preview(entry.id()).chain(text -> {
            if (text.isEmpty()) {
                throw new ApiException(ErrorCode.LIFECYCLE_POLICY_PREVIEW_NOT_FOUND,
                        "There is no lifecycle policy preview for the repository with name '" + name + "'");
            }
            LifecyclePolicy policy = LifecyclePolicy.parse(text.get());
            return store.images(entry.id()).map(images -> {
                List<Map<String, Object>> results = results(LifecycleEvaluator.evaluate(policy, images, Instant.now()));
                Map<String, Object> answer = answer(entry, text.get(), null);
                answer.put("status", "COMPLETE");
                answer.put("previewResults", results);
                answer.put("summary", Map.of("expiringImageTotalCount", results.size()));
                return answer;
            });
        }));
    }

    private static List<Map<String, Object>> results(List<LifecycleEvaluator.Expiry> expiries) {
        return expiries.stream().map(e -> Map.<String, Object>of(
                "imageDigest", e.image().digest(),
                "imageTags", e.image().tags(),
                "imagePushedAt", e.image().pushedAt(),
                "action", Map.of("type", "EXPIRE"),
                "appliedRulePriority", e.rulePriority())).toList();
    }

    private static String validated(PolicyText body) {
        if (body == null || body.lifecyclePolicyText() == null || body.lifecyclePolicyText().isBlank()) {
            throw new InvalidInputException("lifecyclePolicyText", "is required.");
        }
        LifecyclePolicy.parse(body.lifecyclePolicyText());
        return body.lifecyclePolicyText();
    }

    /** Get's and Delete's answer: the policy there was, or LifecyclePolicyNotFoundException. */
    private static Map<String, Object> answerOrNotFound(RepositoryCatalog.Entry entry, String name,
                                                        Optional<LifecycleStore.StoredPolicy> policy) {
        LifecycleStore.StoredPolicy found = policy.orElseThrow(() -> noPolicy(name));
        return answer(entry, found.text(), found.lastEvaluatedAt().orElse(null));
    }

    private static Map<String, Object> answer(RepositoryCatalog.Entry entry, String text, Instant lastEvaluatedAt) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("registryId", entry.tenant());
        answer.put("repositoryName", entry.name().substring(entry.tenant().length() + 1));
        answer.put("lifecyclePolicyText", text);
        if (lastEvaluatedAt != null) {
            answer.put("lastEvaluatedAt", lastEvaluatedAt);
        }
        return answer;
    }

    private static ApiException noPolicy(String name) {
        return new ApiException(ErrorCode.LIFECYCLE_POLICY_NOT_FOUND,
                "Lifecycle policy does not exist for the repository with name '" + name + "'");
    }
}
