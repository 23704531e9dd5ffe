package dev.berth.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenMakesCallersWait() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(SECOND, bucket.tryTake(0));
    }

    @Test
    void refillsAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertEquals(SECOND / 4, bucket.tryTake(0));
        assertEquals(SECOND / 8, bucket.tryTake(SECOND / 8));
        assertEquals(0, bucket.tryTake(SECOND / 4));
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 100, 0);
        assertTrue(bucket.isFull(1000 * SECOND));
        assertEquals(0, bucket.tryTake(1000 * SECOND));
        assertEquals(0, bucket.tryTake(1000 * SECOND));
        assertTrue(bucket.tryTake(1000 * SECOND) > 0);
        assertFalse(bucket.isFull(1000 * SECOND));
    }

    @Test
    void rejectsNonsenseLimits() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, 0));
    }
}
