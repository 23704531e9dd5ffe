package dev.berth.scheduler.agentchannel;

import java.time.Duration;

/**
 * How long a host may stay silent before it is given up. The bound must hold several heartbeat
 * intervals, so that a host that merely missed a beat (a slow network, a pause) is not lost.
 */
public record HostLossBound(Duration lostAfter, Duration heartbeatInterval) {

    /** Heartbeats that must fit in the bound. */
    public static final int MIN_HEARTBEATS = 3;

    public HostLossBound {
        if (heartbeatInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("BERTH_AGENT_HEARTBEAT_INTERVAL (berth.agent.heartbeat-interval): "
                    + "at least 1s, got " + heartbeatInterval.toSeconds() + "s");
        }
        if (lostAfter.compareTo(heartbeatInterval.multipliedBy(MIN_HEARTBEATS)) < 0) {
            throw new IllegalArgumentException("BERTH_AGENT_LOST_AFTER (berth.agent.lost-after): at least "
                    + MIN_HEARTBEATS + " heartbeat intervals (BERTH_AGENT_HEARTBEAT_INTERVAL is "
                    + heartbeatInterval.toSeconds() + "s), got " + lostAfter.toSeconds() + "s");
        }
    }
}
