package dev.berth.scheduler.taskroles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RevocationBackoffTest {

    @Test
    void waitsDoubleFromTwoSecondsUpToFiveMinutesAndNeverStop() {
        assertEquals(Duration.ZERO, RevocationBackoff.after(0));
        assertEquals(Duration.ofSeconds(2), RevocationBackoff.after(1));
        assertEquals(Duration.ofSeconds(4), RevocationBackoff.after(2));
        assertEquals(Duration.ofSeconds(8), RevocationBackoff.after(3));
        assertEquals(Duration.ofSeconds(256), RevocationBackoff.after(8));
        assertEquals(Duration.ofMinutes(5), RevocationBackoff.after(9));
        assertEquals(Duration.ofMinutes(5), RevocationBackoff.after(1_000_000));
    }
}
