package dev.berth.registry.repositories;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import dev.berth.registry.policy.RepositoryPolicies;
import dev.berth.registry.policy.RepositoryPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.Optional;

/** ECR's SetRepositoryPolicy, GetRepositoryPolicy and DeleteRepositoryPolicy. */
@Path("/api/registry/v1/repositories/{name}/policy")
public class RepositoryPolicyResource {

    /** SetRepositoryPolicy's body: the policy JSON as a string, as ECR takes it. */
    public record PolicyText(String policyText) {
    }

    @Inject
    RepositoryPolicies policies;

    @Inject
    TenantRepositories repositories;

    @PUT
    @Requires(Action.MANAGE)
    public Uni<Map<String, String>> set(@PathParam("name") String name, PolicyText body) {
        if (body == null || body.policyText() == null || body.policyText().isBlank()) {
            throw new InvalidInputException("policyText", "is required.");
        }
        RepositoryPolicy.parse(body.policyText());
        return repositories.existing(name).call(entry -> policies.set(entry.id(), body.policyText()))
                .map(entry -> answer(entry, name, body.policyText()));
    }

    @GET
    @Requires(Action.READ)
    public Uni<Map<String, String>> get(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> policies.text(entry.id())
                .map(text -> answerOrNotFound(entry, name, text)));
    }

    @DELETE
    @Requires(Action.MANAGE)
    public Uni<Map<String, String>> delete(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> policies.delete(entry.id())
                .map(text -> answerOrNotFound(entry, name, text)));
    }

    /** Get's and Delete's answer: the policy there was, or RepositoryPolicyNotFoundException. */
    private static Map<String, String> answerOrNotFound(RepositoryCatalog.Entry entry, String name,
                                                        Optional<String> text) {
        return answer(entry, name, text.orElseThrow(() -> notFound(name)));
    }

    private static Map<String, String> answer(RepositoryCatalog.Entry entry, String name, String text) {
        return Map.of("registryId", entry.tenant(), "repositoryName", name, "policyText", text);
    }

    private static ApiException notFound(String name) {
        return new ApiException(ErrorCode.REPOSITORY_POLICY_NOT_FOUND,
                "Repository policy does not exist for the repository with name '" + name + "'");
    }
}
