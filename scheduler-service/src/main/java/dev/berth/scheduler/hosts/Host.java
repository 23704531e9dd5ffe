package dev.berth.scheduler.hosts;

import dev.berth.agent.protocol.AgentMessage;
import dev.berth.scheduler.Arns;
import dev.berth.scheduler.placement.HostSnapshot;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A host (ECS container instance) of a cluster: what it offers, what is taken, and how its agent is.
 *
 * @param boundPorts   what its agent reports bound on its machine besides its own tasks ("tcp/5432")
 * @param dynamicPorts where its dynamic host ports come from
 */
public record Host(String tenant, String id, String cluster, String hostname, HostStatus status, boolean agentConnected,
                   String agentVersion, Instant registeredAt, Instant lastHeartbeatAt, int cpu, int memory, int usedCpu,
                   int usedMemory, List<String> reservedPorts, List<String> usedPorts, Map<String, String> attributes,
                   int runningTasks, int pendingTasks, List<String> boundPorts, AgentMessage.PortRange dynamicPorts) {

    public static String arn(String tenant, String cluster, String id) {
        return Arns.ecs(tenant, "container-instance/" + cluster + "/" + id);
    }

    public String arn() {
        return arn(tenant, cluster, id);
    }

    public HostSnapshot snapshot(Map<String, Integer> taskGroups) {
        Set<String> taken = new HashSet<>(usedPorts);
        taken.addAll(boundPorts);
        return new HostSnapshot(id, status == HostStatus.ACTIVE, agentConnected, agentVersion == null ? "" : agentVersion,
                registeredAt, attributes, cpu, memory, cpu - usedCpu, memory - usedMemory, taken, taskGroups,
                dynamicPorts.first(), dynamicPorts.last());
    }

    /** An id given as is or as a container instance ARN. */
    public static String idOf(String idOrArn) {
        return Arns.lastSegment(idOrArn);
    }
}
