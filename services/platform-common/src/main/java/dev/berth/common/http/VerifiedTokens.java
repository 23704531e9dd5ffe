package dev.berth.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of bearer tokens that passed full verification, kept until the token expires, so
 * a client that sends the same token again is not verified again (RSA signature check and
 * claims parsing are most of a small request's cost). Only tokens that verified are kept, each
 * at most until its own {@code exp}; a token is a bearer credential either way, so keeping its
 * verified result changes nothing about what it can do or for how long.
 */
public final class VerifiedTokens {

    private final Cache<String, Entry> cache;

    private record Entry(SecurityIdentity identity, Instant expiresAt) {
    }

    public VerifiedTokens(long maximumSize) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String token, Entry entry, long currentTime) {
                        return nanosUntil(entry.expiresAt());
                    }

                    @Override
                    public long expireAfterUpdate(String token, Entry entry, long currentTime, long currentDuration) {
                        return nanosUntil(entry.expiresAt());
                    }

                    @Override
                    public long expireAfterRead(String token, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The identity of a token verified before and not expired since. */
    public Optional<SecurityIdentity> get(String token) {
        Entry entry = cache.getIfPresent(token);
        if (entry == null || !Instant.now().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /** Keeps a verified token's identity if it is a JWT with an expiry. */
    public void put(String token, SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            cache.put(token, new Entry(identity, Instant.ofEpochSecond(jwt.getExpirationTime())));
        }
    }

    private static long nanosUntil(Instant instant) {
        return Math.max(0, Duration.between(Instant.now(), instant).toNanos());
    }
}
