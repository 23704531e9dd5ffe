package dev.berth.gateway.hosts;

import java.time.Instant;
import java.util.UUID;

/** The answer to creating a registration token: {@code token} is shown here only. */
public record NewRegistrationToken(UUID id, String cluster, Instant expiresAt, int maxUses, String token) {
}
