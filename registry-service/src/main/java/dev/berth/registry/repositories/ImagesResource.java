package dev.berth.registry.repositories;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.digest.Digest;
import dev.berth.registry.events.ImageActionPublisher;
import dev.berth.registry.metadata.RegistryMetadata;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** ECR's BatchGetImage and BatchDeleteImage on one repository, with per-image failures. */
@Path("/api/registry/v1/repositories/{name}/images")
@Tag(name = "Images", description = "Images (manifests) of a repository")
public class ImagesResource {

    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    private static final int MAX_IDS = 100;

    @Inject
    RepositoryCatalog catalog;

    @Inject
    TenantRepositories repositories;

    @Inject
    ImageActionPublisher events;

    @Inject
    RegistryMetadata metadata;

    /**
     * BatchGetImage's answer holds at most this many bytes of manifests; an image that would go
     * past it is answered as a failure ({@code ResponseSizeLimitExceeded}) to ask for again.
     */
    @Inject
    RegistryConfig config;

    @POST
    @Path("batch-get")
    @Requires(Action.READ)
    @Operation(operationId = "BatchGetImage", summary = "Get images' manifests by digest or tag, with per-image failures")
    public Uni<BatchGetImageResponse> batchGet(@PathParam("name") String name, ImageBatchRequest request) {
        List<ImageIdentifier> ids = ids(request);
        List<String> accepted = request.acceptedMediaTypes() == null ? List.of() : request.acceptedMediaTypes();
        long limit = config.batchGet().maxResponseBytes().asLongValue();
        long[] answered = {0}; // images are looked up one after the other, so this needs no lock
        return repositories.existing(name).chain(entry -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> invalid(id) != null
                        ? Uni.createFrom().item((Object) invalid(id))
                        : catalog.image(entry.id(), id).map(found -> {
                            if (found.isEmpty() || mismatch(id, found.get())) {
                                return (Object) notFound(id, found.isPresent());
                            }
                            if (!accepted.isEmpty() && !accepted.contains(found.get().mediaType())) {
                                return new ImageFailure(id, ImageFailureCode.UNSUPPORTED_IMAGE_TYPE,
                                        "The image's media type " + found.get().mediaType() + " is not accepted");
                            }
                            int size = found.get().manifest().length;
                            if (answered[0] + size > limit) {
                                return new ImageFailure(id, ImageFailureCode.RESPONSE_SIZE_LIMIT_EXCEEDED, "The answer would hold more "
                                        + "than " + limit + " bytes of manifests (berth.registry.batch-get."
                                        + "max-response-bytes); ask for this image in another call");
                            }
                            answered[0] += size;
                            return new Image(entry.tenant(), name, new ImageIdentifier(found.get().digest(), id.imageTag()),
                                    new String(found.get().manifest(), StandardCharsets.UTF_8), found.get().mediaType());
                        }))
                .collect().asList()
                .map(results -> new BatchGetImageResponse(done(results, Image.class), failures(results))));
    }

    @POST
    @Path("batch-delete")
    @Requires(Action.MANAGE)
    @Operation(operationId = "BatchDeleteImage",
            summary = "Delete images by digest, or untag them by tag (the image goes with its last tag)")
    public Uni<BatchDeleteImageResponse> batchDelete(@PathParam("name") String name, ImageBatchRequest request) {
        List<ImageIdentifier> ids = ids(request);
        return repositories.existing(name).chain(entry -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> invalid(id) != null
                        ? Uni.createFrom().item((Object) invalid(id))
                        : catalog.image(entry.id(), id).chain(found -> {
                            if (found.isEmpty() || mismatch(id, found.get())) {
                                return Uni.createFrom().item((Object) notFound(id, found.isPresent()));
                            }
                            String digest = found.get().digest();
                            Uni<Boolean> deleted = id.imageTag() != null
                                    ? catalog.untag(entry.id(), id.imageTag(), digest).replaceWith(true)
                                    : metadata.deleteManifest(entry.id(), digest);
                            return deleted.map(done -> {
                                events.deleted(entry.tenant(), entry.name(), digest, id.imageTag());
                                return (Object) new ImageIdentifier(digest, id.imageTag());
                            });
                        }))
                .collect().asList()
                .map(results -> new BatchDeleteImageResponse(done(results, ImageIdentifier.class), failures(results))));
    }

    private static List<ImageIdentifier> ids(ImageBatchRequest request) {
        if (request == null || request.imageIds() == null || request.imageIds().isEmpty()) {
            throw new InvalidInputException("imageIds", "must list at least one image.");
        }
        if (request.imageIds().size() > MAX_IDS) {
            throw new InvalidInputException("imageIds", "lists " + request.imageIds().size() + " images; imageIds may list at most "
                    + MAX_IDS + ".");
        }
        return request.imageIds();
    }

    /** ECR's per-image input failures. */
    private static ImageFailure invalid(ImageIdentifier id) {
        if (id == null || id.imageDigest() == null && id.imageTag() == null) {
            return new ImageFailure(id, ImageFailureCode.MISSING_DIGEST_AND_TAG, "Neither an image digest nor a tag was given");
        }
        if (id.imageDigest() != null) {
            try {
                Digest.parse(id.imageDigest());
            } catch (IllegalArgumentException e) {
                return new ImageFailure(id, ImageFailureCode.INVALID_IMAGE_DIGEST, e.getMessage());
            }
        }
        if (id.imageTag() != null && !TAG.matcher(id.imageTag()).matches()) {
            return new ImageFailure(id, ImageFailureCode.INVALID_IMAGE_TAG, "Invalid image tag " + id.imageTag());
        }
        return null;
    }

    private static boolean mismatch(ImageIdentifier id, RepositoryCatalog.StoredImage image) {
        return id.imageDigest() != null && id.imageTag() != null && !id.imageDigest().equals(image.digest());
    }

    private static ImageFailure notFound(ImageIdentifier id, boolean tagElsewhere) {
        return tagElsewhere
                ? new ImageFailure(id, ImageFailureCode.IMAGE_TAG_DOES_NOT_MATCH_DIGEST, "The tag names another image than the digest")
                : new ImageFailure(id, ImageFailureCode.IMAGE_NOT_FOUND, "Requested image not found");
    }

    /** The results that are answers, not failures; a batch answers each image with one or the other. */
    private static <T> List<T> done(List<Object> results, Class<T> type) {
        return results.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<ImageFailure> failures(List<Object> results) {
        return done(results, ImageFailure.class);
    }
}
