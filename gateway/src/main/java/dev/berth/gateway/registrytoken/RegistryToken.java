package dev.berth.gateway.registrytoken;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The token endpoint's answer in the shape docker, podman and skopeo read ({@code token}, and
 * {@code access_token} for OAuth-minded clients), plus what of the requested access was granted.
 */
public record RegistryToken(
        String token,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("issued_at") Instant issuedAt,
        List<Grant> access) {

    /** Granted actions on one resource; empty actions when the caller may do none of those asked. */
    public record Grant(String type, String name, List<String> actions) {
    }
}
