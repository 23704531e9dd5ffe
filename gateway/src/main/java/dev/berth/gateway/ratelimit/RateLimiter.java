package dev.berth.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per tenant and one per client; a request must get a token from both.
 * Buckets that have refilled completely are dropped once there are many, so memory follows the
 * number of recently active callers.
 */
public final class RateLimiter {

    private static final int PRUNE_ABOVE = 10_000;

    private final RateLimitConfig.Limit tenantLimit;
    private final RateLimitConfig.Limit clientLimit;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitConfig.Limit tenantLimit, RateLimitConfig.Limit clientLimit) {
        this.tenantLimit = tenantLimit;
        this.clientLimit = clientLimit;
    }

    /**
     * @return empty when the request may go ahead, otherwise how long the caller should wait
     */
    public Optional<Duration> admit(String tenant, String client, long nowNanos) {
        long clientWait = bucket("client:" + client, clientLimit, nowNanos).tryTake(nowNanos);
        if (clientWait > 0) {
            return Optional.of(Duration.ofNanos(clientWait));
        }
        if (tenant != null) {
            long tenantWait = bucket("tenant:" + tenant, tenantLimit, nowNanos).tryTake(nowNanos);
            if (tenantWait > 0) {
                return Optional.of(Duration.ofNanos(tenantWait));
            }
        }
        return Optional.empty();
    }

    private TokenBucket bucket(String key, RateLimitConfig.Limit limit, long nowNanos) {
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(nowNanos));
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit.burst(), limit.requestsPerSecond(), nowNanos));
    }
}
