package dev.berth.registry.repositories;

import com.fasterxml.jackson.annotation.JsonInclude;

/** ECR's ImageIdentifier: an image by digest, by tag, or both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageIdentifier(String imageDigest, String imageTag) {
}
