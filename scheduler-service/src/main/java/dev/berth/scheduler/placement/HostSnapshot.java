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
 */
public record HostSnapshot(String instanceId, boolean active, boolean agentConnected, String agentVersion,
                           Instant registeredAt, Map<String, String> attributes, int cpu, int memory,
                           int remainingCpu, int remainingMemory, Set<String> usedPorts, Map<String, Integer> taskGroups) {

    public HostSnapshot {
        attributes = Map.copyOf(attributes);
        usedPorts = Set.copyOf(usedPorts);
        taskGroups = Map.copyOf(taskGroups);
    }
}
