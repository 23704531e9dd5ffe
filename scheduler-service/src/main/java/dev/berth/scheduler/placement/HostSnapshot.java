package dev.berth.scheduler.placement;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A host (container instance) as placement sees it at one moment: what it still offers and what
 * already runs on it.
 *
 * @param cpu         cpu units the host registered with
 * @param memory      MiB the host registered with
 * @param usedPorts   host ports taken, as {@code "tcp/80"}
 * @param taskGroups  how many tasks of each group run there ({@code service:web}, {@code family:batch})
 * @param dynamicPortFirst with {@code dynamicPortLast}, the range dynamic host ports are picked from
 */
public record HostSnapshot(String instanceId, boolean active, boolean agentConnected, String agentVersion,
                           Instant registeredAt, Map<String, String> attributes, int cpu, int memory,
                           int remainingCpu, int remainingMemory, Set<String> usedPorts, Map<String, Integer> taskGroups,
                           int dynamicPortFirst, int dynamicPortLast) {

    /** ECS's dynamic host port range on Linux, unless the host's agent gives its own. */
    public static final int ECS_DYNAMIC_FIRST = 49153;
    public static final int ECS_DYNAMIC_LAST = 65535;

    public HostSnapshot {
        attributes = Map.copyOf(attributes);
        usedPorts = Set.copyOf(usedPorts);
        taskGroups = Map.copyOf(taskGroups);
    }

    /** A host with ECS's dynamic port range. */
    public HostSnapshot(String instanceId, boolean active, boolean agentConnected, String agentVersion,
                        Instant registeredAt, Map<String, String> attributes, int cpu, int memory,
                        int remainingCpu, int remainingMemory, Set<String> usedPorts, Map<String, Integer> taskGroups) {
        this(instanceId, active, agentConnected, agentVersion, registeredAt, attributes, cpu, memory, remainingCpu,
                remainingMemory, usedPorts, taskGroups, ECS_DYNAMIC_FIRST, ECS_DYNAMIC_LAST);
    }
}
