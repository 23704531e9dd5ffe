package dev.berth.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at
 * {@code refillPerSecond}; each request takes one. Time is passed in, so the logic is tested
 * without clocks.
 */
public final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedAt;

    public TokenBucket(double capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and refillPerSecond > 0");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedAt = nowNanos;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 when the request may go ahead, otherwise how many nanoseconds until a token is back
     */
    public synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    /** Whether the bucket has refilled completely, i.e. nobody used it lately and it can be dropped. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - updatedAt);
        tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
        updatedAt = nowNanos;
    }
}
