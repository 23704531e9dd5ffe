package dev.berth.registry.repositories;

import java.util.List;

/** BatchDeleteImage's and BatchGetImage's body. */
public record ImageBatchRequest(List<ImageIdentifier> imageIds, List<String> acceptedMediaTypes) {
}
