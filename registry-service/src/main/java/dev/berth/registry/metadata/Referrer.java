package dev.berth.registry.metadata;

/** A manifest whose subject is another manifest, as the referrers API lists it ({@code size}: its bytes). */
public record Referrer(String digest, String mediaType, long size, String artifactType) {
}
