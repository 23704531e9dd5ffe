package dev.berth.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frames as they travel: the ports a host reports, and frames of agents that do not report them yet. */
class AgentMessagesTest {

    @Test
    void aHelloCarriesTheDynamicPortRangeAndTheMachinesBoundPorts() {
        AgentMessage.Hello hello = new AgentMessage.Hello("1.0", "h", new AgentMessage.Capacity(2048, 1024, List.of(22),
                List.of(), new AgentMessage.PortRange(50000, 50999)), Map.of(), 3, List.of(),
                new AgentMessage.BoundPorts(List.of(5432, 50001), List.of(53)));
        assertEquals(hello, AgentMessages.read(AgentMessages.write(hello)));
    }

    @Test
    void aHeartbeatCarriesBoundPortsOnlyWhenTheyChanged() {
        AgentMessage.Heartbeat changed = new AgentMessage.Heartbeat(Instant.parse("2026-01-01T00:00:00Z"), 1, 2, 3,
                new AgentMessage.BoundPorts(List.of(8080), List.of()));
        assertEquals(changed, AgentMessages.read(AgentMessages.write(changed)));
        AgentMessage.Heartbeat same = new AgentMessage.Heartbeat(Instant.parse("2026-01-01T00:00:00Z"), 1, 2, 3);
        assertEquals(-1, AgentMessages.write(same).indexOf("boundPorts"));
    }

    @Test
    void framesOfOlderAgentsReadWithoutPorts() {
        AgentMessage.Hello hello = (AgentMessage.Hello) AgentMessages.read("{\"type\":\"hello\",\"agentVersion\":\"1.0\","
                + "\"hostname\":\"h\",\"capacity\":{\"cpu\":1024,\"memory\":512,\"reservedTcpPorts\":[22]},"
                + "\"lastCommandSeq\":0}");
        assertNull(hello.boundPorts());
        assertNull(hello.capacity().dynamicPorts());
        AgentMessage.Heartbeat beat = (AgentMessage.Heartbeat) AgentMessages.read(
                "{\"type\":\"heartbeat\",\"at\":\"2026-01-01T00:00:00Z\",\"cpuUsed\":0,\"memoryUsed\":0,\"runningTasks\":0}");
        assertNull(beat.boundPorts());
    }

    @Test
    void aPortRangeIsFirstDashLastWithinTheHostPorts() {
        assertEquals(new AgentMessage.PortRange(49153, 65535), AgentMessage.PortRange.parse("49153-65535"));
        assertThrows(IllegalArgumentException.class, () -> AgentMessage.PortRange.parse("60000-50000"));
        assertThrows(IllegalArgumentException.class, () -> AgentMessage.PortRange.parse("0-100"));
        assertThrows(IllegalArgumentException.class, () -> AgentMessage.PortRange.parse("50000"));
        assertThrows(ProtocolException.class, () -> AgentMessages.read("{\"type\":\"hello\",\"capacity\":{\"cpu\":1,"
                + "\"memory\":1,\"dynamicPorts\":{\"first\":70000,\"last\":80000}}}"));
    }

    @Test
    void aCommandIsAStartOrAStopTaskOnTheWireAsItWas() throws Exception {
        var json = AgentMessages.json();
        AgentMessage.Command stop = AgentMessage.Command.stop(7, new AgentMessage.StopTask("arn:t", "Task stopped by user"));
        assertEquals(json.readTree("{\"type\":\"command\",\"seq\":7,\"action\":\"stop-task\","
                + "\"stopTask\":{\"taskArn\":\"arn:t\",\"reason\":\"Task stopped by user\"}}"),
                json.readTree(AgentMessages.write(stop)));
        assertEquals(stop, AgentMessages.read(AgentMessages.write(stop)));

        AgentMessage.Command start = AgentMessage.Command.start(8, new AgentMessage.StartTask("arn:t", "arn:td",
                json.readTree("{\"family\":\"f\"}"), null, List.of(), "family:f", "me"));
        assertEquals(json.readTree("{\"type\":\"command\",\"seq\":8,\"action\":\"start-task\",\"startTask\":"
                + "{\"taskArn\":\"arn:t\",\"taskDefinitionArn\":\"arn:td\",\"taskDefinition\":{\"family\":\"f\"},"
                + "\"networkBindings\":[],\"group\":\"family:f\",\"startedBy\":\"me\","
                + "\"allowed\":{\"privilegedContainers\":false,\"hostNetwork\":false}}}"),
                json.readTree(AgentMessages.write(start)));
        AgentMessage.Command read = (AgentMessage.Command) AgentMessages.read(AgentMessages.write(start));
        assertEquals(start.task(), read.task());
        assertEquals(8, read.seq());

        AgentMessage.Command unknown = (AgentMessage.Command) AgentMessages.read(
                "{\"type\":\"command\",\"seq\":9,\"action\":\"drain-host\",\"drainHost\":{}}");
        assertEquals(new AgentMessage.UnknownTaskCommand("drain-host"), unknown.task());
    }
}
