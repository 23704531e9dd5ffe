package dev.berth.gateway.hosts;

import java.time.Instant;
import java.util.UUID;

/** A registration token as listed (never with its secret). */
public record RegistrationToken(UUID id, String cluster, Instant expiresAt, int maxUses, int uses, boolean revoked,
                                String createdBy, Instant createdAt) {
}
