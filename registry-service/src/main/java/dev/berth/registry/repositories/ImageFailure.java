package dev.berth.registry.repositories;

/** ECR's ImageFailure: why one image of a batch call was not done. */
public record ImageFailure(ImageIdentifier imageId, ImageFailureCode failureCode, String failureReason) {
}
