package dev.berth.scheduler.agentchannel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostLossBoundTest {

    @Test
    void theDefaultBoundHoldsThreeHeartbeats() {
        assertDoesNotThrow(() -> new HostLossBound(Duration.ofSeconds(30), Duration.ofSeconds(10)));
    }

    @Test
    void aBoundThatHoldsFewerHeartbeatsIsRefusedNamingBothSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HostLossBound(Duration.ofSeconds(20), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("BERTH_AGENT_LOST_AFTER"), e.getMessage());
        assertTrue(e.getMessage().contains("BERTH_AGENT_HEARTBEAT_INTERVAL"), e.getMessage());
    }

    @Test
    void aHeartbeatIntervalUnderASecondIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HostLossBound(Duration.ofSeconds(3), Duration.ofMillis(500)));
    }
}
