package dev.berth.registry.repositories;

/** Set/Get/DeleteRepositoryPolicy's answer: the repository's policy (for Delete: the one there was). */
public record RepositoryPolicyResponse(String registryId, String repositoryName, String policyText) {
}
