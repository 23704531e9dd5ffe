package dev.berth.gateway.hosts;

/** Body of {@code POST /api/iam/v1/registration-tokens}; omitted limits take their defaults. */
public record CreateRegistrationTokenRequest(String cluster, Long expiresInSeconds, Integer maxUses) {
}
