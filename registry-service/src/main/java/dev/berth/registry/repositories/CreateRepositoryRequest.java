package dev.berth.registry.repositories;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** CreateRepository's body, as ECR takes it (the name is within the caller's tenant). */
public record CreateRepositoryRequest(
        @Schema(description = "The name without the tenant: web is the repository acme/web",
                examples = "web", required = true) String repositoryName,
        @Schema(description = "Whether a tag may be pushed again onto another image (default MUTABLE)",
                enumeration = {"MUTABLE", "IMMUTABLE"}, examples = "IMMUTABLE") String imageTagMutability) {
}
