package dev.berth.registry.repositories;

/** ECR's LifecyclePolicyPreviewSummary. */
public record LifecyclePolicyPreviewSummary(int expiringImageTotalCount) {
}
