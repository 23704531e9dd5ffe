package dev.berth.autoscaler.ecsmetrics;

import java.util.Objects;

/**
 * A host of the cluster as the scheduler knows it: what it registered (cpu units, MiB) and what
 * the tasks placed on it reserve.
 */
public record HostCapacity(String containerInstanceId, HostStatus status, int registeredCpu, int registeredMemory,
                           int reservedCpu, int reservedMemory) {

    public HostCapacity {
        Objects.requireNonNull(containerInstanceId, "containerInstanceId");
        Objects.requireNonNull(status, "status");
        if (registeredCpu < 0 || registeredMemory < 0 || reservedCpu < 0 || reservedMemory < 0) {
            throw new IllegalArgumentException("a host's capacity is not negative: " + containerInstanceId);
        }
    }
}
