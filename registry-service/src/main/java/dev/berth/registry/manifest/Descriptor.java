package dev.berth.registry.manifest;

import dev.berth.registry.digest.Digest;
import java.util.Map;

/** An OCI content descriptor: what a manifest points at. */
public record Descriptor(String mediaType, Digest digest, long size, String artifactType,
                         Map<String, String> annotations) {
}
