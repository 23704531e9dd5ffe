package dev.berth.registry.repositories;

import java.util.List;

/** GetLifecyclePolicyPreview's answer: what the policy would expire now. */
public record GetLifecyclePolicyPreviewResponse(String registryId, String repositoryName, String lifecyclePolicyText,
                                                LifecyclePolicyPreviewStatus status,
                                                List<LifecyclePolicyPreviewResult> previewResults,
                                                LifecyclePolicyPreviewSummary summary) {
}
