package dev.berth.agent;

import dev.berth.agent.protocol.AgentMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything the agent is told at start (command line, config file or environment). */
record AgentSettings(URI gateway, String cluster, String registrationToken, Path stateDirectory, String dockerHost,
                     String hostname, Integer cpu, Integer memory, int reservedMemory, List<Integer> reservedPorts,
                     String availabilityZone, String instanceType, Map<String, String> attributes,
                     String credentialsAddress, int credentialsPort, Duration cleanupEvery, Duration containerCleanupAge,
                     Duration imageCleanupAge, long imageCleanupBytes, AgentMessage.PortRange dynamicPorts) {
}
