package dev.berth.registry.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The detail of ECR's "ECR Image Action" event, with ECR's field names: a push or a delete of
 * an image, by tag or by digest.
 *
 * @param repositoryName the repository within the tenant, as ECR names it ({@code web}, not {@code acme/web})
 * @param imageTag       the tag pushed or deleted; null for an operation by digest only
 */
public record ImageAction(
        String result,
        @JsonProperty("repository-name") String repositoryName,
        @JsonProperty("image-digest") String imageDigest,
        @JsonProperty("action-type") String actionType,
        @JsonProperty("image-tag") String imageTag) {

    public static final String TYPE = "berth.registry.image-action";
    public static final int VERSION = 1;
}
