package dev.berth.scheduler.agentchannel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The scheduler's side of the agent channel. {@code heartbeat-interval} and {@code lost-after}
 * are also set by BERTH_AGENT_HEARTBEAT_INTERVAL and BERTH_AGENT_LOST_AFTER; lost-after must hold
 * at least {@link HostLossBound#MIN_HEARTBEATS} heartbeat intervals.
 */
@ConfigMapping(prefix = "berth.agent")
public interface AgentChannelSettings {

    /** How often agents send a heartbeat (told in the welcome; at least 1 s). */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** A host not heard from for this long is given up: lost, its tasks stopped so that services replace them. */
    @WithDefault("30s")
    Duration lostAfter();

    /** How often the scheduler looks for hosts not heard from for lost-after. */
    @WithDefault("2s")
    Duration lossCheckEvery();

    /** How often the heartbeats heard are written, all hosts' in one statement. */
    @WithDefault("1s")
    Duration heartbeatFlushEvery();

    /** A connection that has not said hello this long after opening is refused (HelloTimeout). */
    @WithDefault("10s")
    Duration helloTimeout();

    /** How often a connection looks for queued commands of its host, in case a notification was missed. */
    @WithDefault("5s")
    Duration commandPoll();

    /**
     * A channel closed because its token expired counts as disconnected only if the agent has not
     * reconnected within this time.
     */
    @WithDefault("10s")
    Duration reconnectGrace();
}
