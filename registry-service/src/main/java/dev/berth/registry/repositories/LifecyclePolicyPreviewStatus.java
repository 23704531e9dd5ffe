package dev.berth.registry.repositories;

/** ECR's LifecyclePolicyPreviewStatus; Berth computes a preview when asked, so it is never FAILED or EXPIRED. */
public enum LifecyclePolicyPreviewStatus {
    IN_PROGRESS, COMPLETE
}
