package dev.berth.registry.repositories;

import java.util.List;

/** Beyond ECR: what running a repository's lifecycle policy now expired. */
public record LifecyclePolicyExecutionResponse(String repositoryName, List<LifecyclePolicyPreviewResult> expiredImages) {
}
