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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ECR's SetRepositoryPolicy, GetRepositoryPolicy and DeleteRepositoryPolicy. */
@Path("/api/registry/v1/repositories/{name}/policy")
@Tag(name = "Repository policies", description = "Who beyond the tenant may pull or push a repository")
public class RepositoryPolicyResource {

    @Inject
    RepositoryPolicies policies;

    @Inject
    TenantRepositories repositories;

    @PUT
    @Requires(Action.MANAGE)
    @Operation(operationId = "SetRepositoryPolicy", summary = "Set the repository's policy")
    public Uni<RepositoryPolicyResponse> set(@PathParam("name") String name, SetRepositoryPolicyRequest body) {
        if (body == null || body.policyText() == null || body.policyText().isBlank()) {
            throw new InvalidInputException("policyText", "is required.");
        }
        RepositoryPolicy.parse(body.policyText());
        return repositories.existing(name).call(entry -> policies.set(entry.id(), body.policyText()))
                .map(entry -> new RepositoryPolicyResponse(entry.tenant(), name, body.policyText()));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "GetRepositoryPolicy", summary = "Get the repository's policy")
    public Uni<RepositoryPolicyResponse> get(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> policies.text(entry.id())
                .map(text -> answerOrNotFound(entry, name, text)));
    }

    @DELETE
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteRepositoryPolicy", summary = "Delete the repository's policy")
    public Uni<RepositoryPolicyResponse> delete(@PathParam("name") String name) {
        return repositories.existing(name).chain(entry -> policies.delete(entry.id())
                .map(text -> answerOrNotFound(entry, name, text)));
    }

    /** Get's and Delete's answer: the policy there was, or RepositoryPolicyNotFoundException. */
    private static RepositoryPolicyResponse answerOrNotFound(RepositoryCatalog.Entry entry, String name,
                                                             Optional<String> text) {
        return new RepositoryPolicyResponse(entry.tenant(), name, text.orElseThrow(() -> new ApiException(
                ErrorCode.REPOSITORY_POLICY_NOT_FOUND,
                "Repository policy does not exist for the repository with name '" + name + "'")));
    }
}
