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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The ECR-like management API: CreateRepository, DescribeRepositories, PutImageTagMutability,
 * DeleteRepository (with force) and DescribeImages, within the caller's tenant. Names are
 * ECR's, without the tenant: {@code web} is the repository {@code acme/web}.
 */
@Path("/api/registry/v1/repositories")
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
    public Uni<RestResponse<Map<String, RepositoryView>>> create(CreateRepositoryRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is required.");
        }
        String tenant = principal.tenant();
        String name = RepositoryNames.require(request.repositoryName());
        String mutability = mutability(request.imageTagMutability());
        return catalog.create(tenant, tenant + "/" + name, mutability).map(created -> created
                .map(entry -> RestResponse.status(RestResponse.Status.CREATED, Map.of("repository", view(entry))))
                .orElseThrow(() -> new ApiException(ErrorCode.REPOSITORY_ALREADY_EXISTS,
                        "The repository with name '" + name + "' already exists in the registry with id '" + tenant + "'")));
    }

    @GET
    @Requires(Action.READ)
    public Uni<Map<String, Object>> list(@QueryParam("maxResults") Integer maxResults,
                                         @QueryParam("nextToken") String nextToken) {
        int limit = PageTokens.limit(maxResults, DEFAULT_PAGE, MAX_PAGE);
        String tenant = principal.tenant();
        return catalog.list(tenant, PageTokens.decode(nextToken), limit + 1).map(entries -> {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("repositories", entries.stream().limit(limit).map(this::view).toList());
            if (entries.size() > limit) {
                page.put("nextToken", PageTokens.encode(entries.get(limit - 1).name()));
            }
            return page;
        });
    }

    @GET
    @Path("{name}")
    @Requires(Action.READ)
    public Uni<Map<String, RepositoryView>> describe(@PathParam("name") String name) {
        return repositories.existing(name).map(entry -> Map.of("repository", view(entry)));
    }

    @PUT
    @Path("{name}/image-tag-mutability")
    @Requires(Action.MANAGE)
    public Uni<Map<String, String>> putImageTagMutability(@PathParam("name") String name, Map<String, String> body) {
        String mutability = mutability(body == null ? null : body.get("imageTagMutability"));
        return repositories.existing(name).call(entry -> catalog.setMutability(entry.id(), mutability))
                .map(entry -> Map.of("registryId", entry.tenant(), "repositoryName", name,
                        "imageTagMutability", mutability));
    }

    @DELETE
    @Path("{name}")
    @Requires(Action.MANAGE)
    public Uni<Map<String, RepositoryView>> delete(@PathParam("name") String name, @QueryParam("force") boolean force) {
        return repositories.existing(name).call(entry -> catalog.imageCount(entry.id()).invoke(count -> {
                    if (count > 0 && !force) {
                        throw new ApiException(ErrorCode.REPOSITORY_NOT_EMPTY, "The repository with name '" + name
                                + "' in registry with id '" + entry.tenant() + "' cannot be deleted because it still "
                                + "contains images; delete them first or use force=true.");
                    }
                }))
                .call(entry -> catalog.delete(entry.id()))
                .map(entry -> Map.of("repository", view(entry)));
    }

    @GET
    @Path("{name}/images")
    @Requires(Action.READ)
    public Uni<Map<String, Object>> describeImages(@PathParam("name") String name,
                                                   @QueryParam("maxResults") Integer maxResults,
                                                   @QueryParam("nextToken") String nextToken) {
        int limit = PageTokens.limit(maxResults, DEFAULT_PAGE, MAX_PAGE);
        return repositories.existing(name).chain(entry -> catalog.images(entry, PageTokens.decode(nextToken), limit + 1)).map(images -> {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("imageDetails", images.stream().limit(limit).toList());
            if (images.size() > limit) {
                page.put("nextToken", PageTokens.encode(images.get(limit - 1).imageDigest()));
            }
            return page;
        });
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
