package dev.berth.logs.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {

    @Test
    void aTailRunsUntilTheTokensExpiryAndNoLonger() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        assertEquals(Duration.ofSeconds(90), TokenExpiry.ofExp(now.getEpochSecond() + 90).remaining(now));
        assertEquals(Duration.ZERO, TokenExpiry.ofExp(now.getEpochSecond() - 5).remaining(now));
        assertEquals(Duration.ZERO, TokenExpiry.ofExp(0).remaining(now), "a token without exp ends the tail at once");
    }
}
