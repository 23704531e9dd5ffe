package dev.berth.registry.repositories;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PutImageTagMutability's body. */
public record PutImageTagMutabilityRequest(
        @Schema(enumeration = {"MUTABLE", "IMMUTABLE"}, examples = "IMMUTABLE", required = true)
        String imageTagMutability) {
}
