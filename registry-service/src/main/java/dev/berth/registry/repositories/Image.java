package dev.berth.registry.repositories;

/** ECR's Image, as BatchGetImage answers it: the manifest as text, with its media type. */
public record Image(String registryId, String repositoryName, ImageIdentifier imageId, String imageManifest,
                    String imageManifestMediaType) {
}
