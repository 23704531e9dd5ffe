package dev.berth.registry.repositories;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** BatchDeleteImage's and BatchGetImage's body. */
public record ImageBatchRequest(
        @Schema(description = "1 to 100 images, each by digest, tag or both", required = true) List<ImageIdentifier> imageIds,
        @Schema(description = "BatchGetImage only: the manifest media types the caller takes (any when empty)",
                examples = "[\"application/vnd.oci.image.manifest.v1+json\"]") List<String> acceptedMediaTypes) {
}
