package dev.berth.registry.repositories;

/** PutImageTagMutability's answer: the setting the repository now has. */
public record PutImageTagMutabilityResponse(String registryId, String repositoryName, String imageTagMutability) {
}
