package dev.berth.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.scheduler.agentchannel.AgentChannelSettings;
import dev.berth.scheduler.tasks.LaunchSettings;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The launch and agent channel settings: documented defaults, and the test profile's own values. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class SchedulerSettingsIT {

    @Inject
    LaunchSettings launch;

    @Inject
    AgentChannelSettings agents;

    @Test
    void launchSettingsDefaultToTheValuesTheSchedulerAlwaysUsed() {
        assertEquals(8, launch.attempts());
        assertEquals(32, launch.groupSize());
        assertEquals(Duration.ofSeconds(10), launch.stateMaxAge());
    }

    @Test
    void agentChannelSettingsKeepTheirNamesAndDefaults() {
        assertEquals(Duration.ofSeconds(1), agents.heartbeatInterval(), "%test.berth.agent.heartbeat-interval");
        assertEquals(Duration.ofSeconds(4), agents.lostAfter(), "%test.berth.agent.lost-after");
        assertEquals(Duration.ofSeconds(2), agents.lossCheckEvery());
        assertEquals(Duration.ofSeconds(1), agents.heartbeatFlushEvery());
        assertEquals(Duration.ofSeconds(10), agents.helloTimeout());
        assertEquals(Duration.ofSeconds(5), agents.commandPoll());
        assertEquals(Duration.ofSeconds(10), agents.reconnectGrace());
    }
}
