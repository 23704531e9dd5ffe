package dev.berth.registry.repositories;

import dev.berth.common.auth.Action;
import dev.berth.common.auth.Requires;
import dev.berth.common.error.InvalidInputException;
import dev.berth.registry.digest.Digest;
import dev.berth.registry.events.ImageActionPublisher;
import dev.berth.registry.metadata.RegistryMetadata;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** ECR's BatchGetImage and BatchDeleteImage on one repository, with per-image failures. */
@Path("/api/registry/v1/repositories/{name}/images")
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
    @ConfigProperty(name = "berth.registry.batch-get.max-response-bytes", defaultValue = "8M")
    MemorySize maxResponseBytes;

    @POST
    @Path("batch-get")
    @Requires(Action.READ)
    public Uni<Map<String, Object>> batchGet(@PathParam("name") String name, ImageBatchRequest request) {
        List<ImageIdentifier> ids = ids(request);
        List<String> accepted = request.acceptedMediaTypes() == null ? List.of() : request.acceptedMediaTypes();
        long limit = maxResponseBytes.asLongValue();
        long[] answered = {0}; // images are looked up one after the other, so this needs no lock
        return repositories.existing(name).chain(entry -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> invalid(id) != null
                        ? Uni.createFrom().item((Object) invalid(id))
                        : catalog.image(entry.id(), id).map(found -> {
                            if (found.isEmpty() || mismatch(id, found.get())) {
                                return (Object) notFound(id, found.isPresent());
                            }
                            if (!accepted.isEmpty() && !accepted.contains(found.get().mediaType())) {
                                return new ImageFailure(id, "UnsupportedImageType",
                                        "The image's media type " + found.get().mediaType() + " is not accepted");
                            }
                            int size = found.get().manifest().length;
                            if (answered[0] + size > limit) {
                                return new ImageFailure(id, "ResponseSizeLimitExceeded", "The answer would hold more "
                                        + "than " + limit + " bytes of manifests (berth.registry.batch-get."
                                        + "max-response-bytes); ask for this image in another call");
                            }
                            answered[0] += size;
                            return new Image(entry.tenant(), name, new ImageIdentifier(found.get().digest(), id.imageTag()),
                                    new String(found.get().manifest(), StandardCharsets.UTF_8), found.get().mediaType());
                        }))
                .collect().asList()
                .map(results -> split(results, "images")));
    }

    @POST
    @Path("batch-delete")
    @Requires(Action.MANAGE)
    public Uni<Map<String, Object>> batchDelete(@PathParam("name") String name, ImageBatchRequest request) {
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
                                    : UniHelper.toUni(metadata.deleteManifest(entry.id(), digest));
                            return deleted.map(done -> {
                                events.deleted(entry.tenant(), entry.name(), digest, id.imageTag());
                                return (Object) new ImageIdentifier(digest, id.imageTag());
                            });
                        }))
                .collect().asList()
                .map(results -> split(results, "imageIds")));
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
            return new ImageFailure(id, "MissingDigestAndTag", "Neither an image digest nor a tag was given");
        }
        if (id.imageDigest() != null) {
            try {
                Digest.parse(id.imageDigest());
            } catch (IllegalArgumentException e) {
                return new ImageFailure(id, "InvalidImageDigest", e.getMessage());
            }
        }
        if (id.imageTag() != null && !TAG.matcher(id.imageTag()).matches()) {
            return new ImageFailure(id, "InvalidImageTag", "Invalid image tag " + id.imageTag());
        }
        return null;
    }

    private static boolean mismatch(ImageIdentifier id, RepositoryCatalog.StoredImage image) {
        return id.imageDigest() != null && id.imageTag() != null && !id.imageDigest().equals(image.digest());
    }

    private static ImageFailure notFound(ImageIdentifier id, boolean tagElsewhere) {
        return tagElsewhere
                ? new ImageFailure(id, "ImageTagDoesNotMatchDigest", "The tag names another image than the digest")
                : new ImageFailure(id, "ImageNotFound", "Requested image not found");
    }

    private static Map<String, Object> split(List<Object> results, String doneField) {
        List<Object> done = new ArrayList<>();
        List<ImageFailure> failures = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof ImageFailure failure) {
                failures.add(failure);
            } else {
                done.add(result);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(doneField, done);
        answer.put("failures", failures);
        return answer;
    }
}
