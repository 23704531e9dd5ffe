package dev.berth.registry.repositories;

/** CreateRepository's body, as ECR takes it (the name is within the caller's tenant). */
public record CreateRepositoryRequest(String repositoryName, String imageTagMutability) {
}
