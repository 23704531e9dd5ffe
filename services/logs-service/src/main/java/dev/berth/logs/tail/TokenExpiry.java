package dev.berth.logs.tail;

import java.time.Duration;
import java.time.Instant;

/**
 * When a live tail must end: at the expiry of the access token it was opened with. A token is checked when
 * the tail opens; ending the tail when it expires keeps a user whose access was revoked (no new token) from
 * tailing on.
 */
record TokenExpiry(Instant expiresAt) {

    /** @param expirationTime the token's {@code exp}, in epoch seconds (0 or less when it has none) */
    static TokenExpiry ofExp(long expirationTime) {
        // a token without exp would be refused before here; end such a tail at once rather than never
        return new TokenExpiry(expirationTime > 0 ? Instant.ofEpochSecond(expirationTime) : Instant.EPOCH);
    }

    /** How long the tail may still run, never negative. */
    Duration remaining(Instant now) {
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
