package dev.berth.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private record Limit(double requestsPerSecond, int burst) implements RateLimitConfig.Limit {
    }

    @Test
    void limitsEachClientOnItsOwn() {
        RateLimiter limiter = new RateLimiter(new Limit(100, 100), new Limit(1, 2));
        assertTrue(limiter.admit("acme", "ci", 0).isEmpty());
        assertTrue(limiter.admit("acme", "ci", 0).isEmpty());
        assertTrue(limiter.admit("acme", "ci", 0).isPresent());
        assertTrue(limiter.admit("acme", "alice", 0).isEmpty(), "another client of the tenant still gets through");
    }

    @Test
    void limitsATenantAcrossItsClients() {
        RateLimiter limiter = new RateLimiter(new Limit(1, 2), new Limit(100, 100));
        assertTrue(limiter.admit("acme", "a", 0).isEmpty());
        assertTrue(limiter.admit("acme", "b", 0).isEmpty());
        assertTrue(limiter.admit("acme", "c", 0).isPresent());
        assertTrue(limiter.admit("globex", "d", 0).isEmpty(), "other tenants are not affected");
    }
}
