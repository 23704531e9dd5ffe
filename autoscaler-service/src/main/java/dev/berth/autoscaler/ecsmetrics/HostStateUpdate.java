package dev.berth.autoscaler.ecsmetrics;

import java.time.Instant;
import java.util.Objects;

/**
 * What the autoscaler keeps of one "ECS Container Instance State Change": the host's status and
 * capacity (reserved = registered − remaining).
 *
 * @param at the event's time: a change never replaces a later one
 */
public record HostStateUpdate(String tenant, String clusterName, HostCapacity host, Instant at) {

    public HostStateUpdate {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(at, "at");
    }
}
