package dev.berth.scheduler.hosts;

import dev.berth.scheduler.Arns;
import dev.berth.scheduler.placement.HostSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A host (ECS container instance) of a cluster: what it offers, what is taken, and how its agent is. */
public record Host(String tenant, String id, String cluster, String hostname, String status, boolean agentConnected,
                   String agentVersion, Instant registeredAt, Instant lastHeartbeatAt, int cpu, int memory, int usedCpu,
                   int usedMemory, List<String> reservedPorts, List<String> usedPorts, Map<String, String> attributes,
                   int runningTasks, int pendingTasks) {

    public static String arn(String tenant, String cluster, String id) {
        return Arns.ecs(tenant, "container-instance/" + cluster + "/" + id);
    }

    public String arn() {
        return arn(tenant, cluster, id);
    }

    public HostSnapshot snapshot(Map<String, Integer> taskGroups) {
        return new HostSnapshot(id, "ACTIVE".equals(status), agentConnected, agentVersion == null ? "" : agentVersion,
                registeredAt, attributes, cpu, memory, cpu - usedCpu, memory - usedMemory, Set.copyOf(usedPorts), taskGroups);
    }

    /** An id given as is or as a container instance ARN. */
    public static String idOf(String idOrArn) {
        return Arns.lastSegment(idOrArn);
    }
}
