package dev.berth.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.digest.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A manifest as pushed: its exact bytes (the digest is over them), its media type, what it
 * refers to (config and layers as blobs, or the manifests of an index), its {@code subject}
 * and the artifact type the referrers API reports.
 */
public record ParsedManifest(byte[] content, Digest digest, String mediaType, Optional<String> artifactType,
                             Optional<Digest> subject, List<Descriptor> blobs, List<Descriptor> manifests,
                             Map<String, String> annotations) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY_CONFIG = "application/vnd.oci.empty.v1+json";

    /**
     * @param contentType the request's Content-Type
     * @throws InvalidManifestException naming what is wrong
     */
    public static ParsedManifest parse(byte[] content, String contentType) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            throw new InvalidManifestException("the manifest is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidManifestException("the manifest is not a JSON object");
        }
        String declared = root.path("mediaType").asText(null);
        String type = contentType == null ? null : contentType.split(";")[0].trim();
        if (declared != null && type != null && !declared.equals(type)) {
            throw new InvalidManifestException("mediaType " + declared + " differs from Content-Type " + type);
        }
        String mediaType = declared != null ? declared : type;
        if (mediaType == null || !ManifestMediaTypes.ALL.contains(mediaType)) {
            throw new InvalidManifestException("unsupported manifest media type " + mediaType + "; supported: "
                    + String.join(", ", ManifestMediaTypes.ALL));
        }
        if (root.path("schemaVersion").asInt() != 2) {
            throw new InvalidManifestException("schemaVersion must be 2");
        }
        List<Descriptor> blobs = new ArrayList<>();
        List<Descriptor> manifests = new ArrayList<>();
        Optional<String> artifactType = Optional.ofNullable(root.path("artifactType").asText(null));
        if (ManifestMediaTypes.INDEXES.contains(mediaType)) {
            JsonNode list = root.path("manifests");
            if (!list.isArray()) {
                throw new InvalidManifestException("an index needs a manifests array");
            }
            for (int i = 0; i < list.size(); i++) {
                manifests.add(descriptor(list.get(i), "manifests[" + i + "]"));
            }
        } else {
            Descriptor config = descriptor(root.path("config"), "config");
            blobs.add(config);
            JsonNode layers = root.path("layers");
            if (!layers.isArray()) {
                throw new InvalidManifestException("an image manifest needs a layers array");
            }
            for (int i = 0; i < layers.size(); i++) {
                blobs.add(descriptor(layers.get(i), "layers[" + i + "]"));
            }
            // the OCI referrers rule: without artifactType, an image manifest's artifact type is its config's type
            if (artifactType.isEmpty() && !EMPTY_CONFIG.equals(config.mediaType())) {
                artifactType = Optional.ofNullable(config.mediaType());
            }
        }
        Optional<Digest> subject = root.has("subject")
                ? Optional.of(descriptor(root.get("subject"), "subject").digest()) : Optional.empty();
        return new ParsedManifest(content, Digest.sha256(content), mediaType, artifactType, subject, blobs, manifests,
                annotations(root.path("annotations")));
    }

    private static Descriptor descriptor(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidManifestException(field + " must be a descriptor object");
        }
        Digest digest;
        try {
            digest = Digest.parse(node.path("digest").asText(null));
        } catch (IllegalArgumentException e) {
            throw new InvalidManifestException(field + ".digest: " + e.getMessage());
        }
        if (!node.path("size").canConvertToLong() || node.path("size").asLong() < 0) {
            throw new InvalidManifestException(field + ".size must be a non-negative number");
        }
        return new Descriptor(node.path("mediaType").asText(null), digest, node.path("size").asLong(),
                node.path("artifactType").asText(null), annotations(node.path("annotations")));
    }

    private static Map<String, String> annotations(JsonNode node) {
        Map<String, String> annotations = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        }
        return annotations;
    }
}
