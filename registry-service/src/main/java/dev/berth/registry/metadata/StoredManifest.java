package dev.berth.registry.metadata;

/** A manifest as stored: its digest, media type and exact bytes. */
public record StoredManifest(String digest, String mediaType, byte[] content) {
}
