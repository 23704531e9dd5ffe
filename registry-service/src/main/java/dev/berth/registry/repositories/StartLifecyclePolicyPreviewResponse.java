package dev.berth.registry.repositories;

/** StartLifecyclePolicyPreview's answer: the policy the preview evaluates. */
public record StartLifecyclePolicyPreviewResponse(String registryId, String repositoryName, String lifecyclePolicyText,
                                                  LifecyclePolicyPreviewStatus status) {
}
