package dev.berth.registry.repositories;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.CurrentPrincipal;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import dev.berth.common.http.PageTokens;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The ECR-like management API: CreateRepository, DescribeRepositories, PutImageTagMutability,
 * DeleteRepository (with force) and DescribeImages, within the caller's tenant. Names are
 * ECR's, without the tenant: {@code web} is the repository {@code acme/web}.
 */
@Path("/api/registry/v1/repositories")
@Tag(name = "Repositories", description = "ECR-like image repositories of the caller's tenant")
public class RepositoriesResource {

    private static final List<String> MUTABILITIES = List.of("MUTABLE", "IMMUTABLE");
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    @Inject
    RepositoryCatalog catalog;

    @Inject
    CurrentPrincipal principal;

    @Inject
    TenantRepositories repositories;

    @Context
    HttpHeaders headers;

    @POST
    @Requires(Action.DEPLOY)
    @Operation(operationId = "CreateRepository", summary = "Create a repository in the caller's tenant")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RepositoryResponse.class)))
    @APIResponse(responseCode = "409", description = "RepositoryAlreadyExistsException: the name is taken")
    public Uni<RestResponse<RepositoryResponse>> create(CreateRepositoryRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is required.");
        }
        String tenant = principal.tenant();
        String name = RepositoryNames.require(request.repositoryName());
        String mutability = mutability(request.imageTagMutability());
        return catalog.create(tenant, tenant + "/" + name, mutability).map(created -> created
                .map(entry -> RestResponse.status(RestResponse.Status.CREATED, new RepositoryResponse(view(entry))))
                .orElseThrow(() -> new ApiException(ErrorCode.REPOSITORY_ALREADY_EXISTS,
                        "The repository with name '" + name + "' already exists in the registry with id '" + tenant + "'")));
    }

    @GET
    @Requires(Action.READ)
    @Operation(operationId = "DescribeRepositories", summary = "List the caller's repositories in name order")
    public Uni<DescribeRepositoriesResponse> list(@QueryParam("maxResults") Integer maxResults,
                                                  @QueryParam("nextToken") String nextToken) {
        int limit = PageTokens.limit(maxResults, DEFAULT_PAGE, MAX_PAGE);
        String tenant = principal.tenant();
        return catalog.list(tenant, PageTokens.decode(nextToken), limit + 1).map(entries ->
                new DescribeRepositoriesResponse(entries.stream().limit(limit).map(this::view).toList(),
                        entries.size() > limit ? PageTokens.encode(entries.get(limit - 1).name()) : null));
    }

    @GET
    @Path("{name}")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeRepository", summary = "Describe one repository")
    public Uni<RepositoryResponse> describe(@PathParam("name") String name) {
        return repositories.existing(name).map(entry -> new RepositoryResponse(view(entry)));
    }

    @PUT
    @Path("{name}/image-tag-mutability")
    @Requires(Action.MANAGE)
    @Operation(operationId = "PutImageTagMutability", summary = "Allow or refuse pushing a tag onto another image")
    public Uni<PutImageTagMutabilityResponse> putImageTagMutability(@PathParam("name") String name,
                                                                    PutImageTagMutabilityRequest body) {
        String mutability = mutability(body == null ? null : body.imageTagMutability());
        return repositories.existing(name).call(entry -> catalog.setMutability(entry.id(), mutability))
                .map(entry -> new PutImageTagMutabilityResponse(entry.tenant(), name, mutability));
    }

    @DELETE
    @Path("{name}")
    @Requires(Action.MANAGE)
    @Operation(operationId = "DeleteRepository",
            summary = "Delete a repository; one that still holds images only with force=true")
    @APIResponse(responseCode = "200", description = "Deleted; the repository as it was",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RepositoryResponse.class)))
    @APIResponse(responseCode = "409", description = "RepositoryNotEmptyException: images remain and force is not set")
    public Uni<RepositoryResponse> delete(@PathParam("name") String name, @QueryParam("force") boolean force) {
        return repositories.existing(name).call(entry -> catalog.imageCount(entry.id()).invoke(count -> {
                    if (count > 0 && !force) {
                        throw new ApiException(ErrorCode.REPOSITORY_NOT_EMPTY, "The repository with name '" + name
                                + "' in registry with id '" + entry.tenant() + "' cannot be deleted because it still "
                                + "contains images; delete them first or use force=true.");
                    }
                }))
                .call(entry -> catalog.delete(entry.id()))
                .map(entry -> new RepositoryResponse(view(entry)));
    }

    @GET
    @Path("{name}/images")
    @Requires(Action.READ)
    @Operation(operationId = "DescribeImages", summary = "List a repository's images in digest order")
    public Uni<DescribeImagesResponse> describeImages(@PathParam("name") String name,
                                                      @QueryParam("maxResults") Integer maxResults,
                                                      @QueryParam("nextToken") String nextToken) {
        int limit = PageTokens.limit(maxResults, DEFAULT_PAGE, MAX_PAGE);
        return repositories.existing(name).chain(entry -> catalog.images(entry, PageTokens.decode(nextToken), limit + 1))
                .map(images ->
                new DescribeImagesResponse(images.stream().limit(limit).toList(),
                        images.size() > limit ? PageTokens.encode(images.get(limit - 1).imageDigest()) : null));
    }

    private RepositoryView view(RepositoryCatalog.Entry entry) {
        String host = headers.getHeaderString("X-Forwarded-Host");
        if (host == null) {
            host = headers.getHeaderString("Host");
        }
        return RepositoryView.of(entry.tenant(), entry.name(), entry.createdAt(), entry.mutability(), host);
    }

    private static String mutability(String value) {
        if (value == null) {
            return "MUTABLE";
        }
        if (!MUTABILITIES.contains(value)) {
            throw new InvalidInputException("imageTagMutability", "must be MUTABLE or IMMUTABLE, was '" + value + "'.");
        }
        return value;
    }
}
