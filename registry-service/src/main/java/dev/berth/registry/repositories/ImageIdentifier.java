package dev.berth.registry.repositories;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ECR's ImageIdentifier: an image by digest, by tag, or both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageIdentifier(
        @Schema(examples = "sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b") String imageDigest,
        @Schema(examples = "v1") String imageTag) {
}
