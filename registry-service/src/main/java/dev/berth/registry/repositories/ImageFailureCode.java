package dev.berth.registry.repositories;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why one image of a batch call was not done, as ECR's ImageFailure names it. */
public enum ImageFailureCode {
    INVALID_IMAGE_DIGEST("InvalidImageDigest"),
    INVALID_IMAGE_TAG("InvalidImageTag"),
    IMAGE_TAG_DOES_NOT_MATCH_DIGEST("ImageTagDoesNotMatchDigest"),
    IMAGE_NOT_FOUND("ImageNotFound"),
    MISSING_DIGEST_AND_TAG("MissingDigestAndTag"),
    UNSUPPORTED_IMAGE_TYPE("UnsupportedImageType"),
    /** Beyond ECR: the answer would pass berth.registry.batch-get.max-response-bytes. */
    RESPONSE_SIZE_LIMIT_EXCEEDED("ResponseSizeLimitExceeded");

    private final String code;

    ImageFailureCode(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
