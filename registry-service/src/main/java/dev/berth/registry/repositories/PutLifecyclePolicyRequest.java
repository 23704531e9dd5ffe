package dev.berth.registry.repositories;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PutLifecyclePolicy's and StartLifecyclePolicyPreview's body: the policy as a JSON string, as ECR takes it. */
public record PutLifecyclePolicyRequest(
        @Schema(description = "The policy document as a JSON string (at most 30720 characters); "
                + "StartLifecyclePolicyPreview uses the repository's policy when it is left out",
                examples = "{\"rules\":[{\"rulePriority\":1,\"description\":\"keep ten untagged\",\"selection\":"
                        + "{\"tagStatus\":\"untagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":10},"
                        + "\"action\":{\"type\":\"expire\"}}]}")
        String lifecyclePolicyText) {
}
