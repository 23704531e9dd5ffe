package dev.berth.registry.repositories;

import java.util.List;

/** BatchDeleteImage's answer: the images deleted (or untagged), and why each other one was not. */
public record BatchDeleteImageResponse(List<ImageIdentifier> imageIds, List<ImageFailure> failures) {
}
