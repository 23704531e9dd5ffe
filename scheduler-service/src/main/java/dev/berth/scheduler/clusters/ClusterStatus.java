package dev.berth.scheduler.clusters;

/** ECS's cluster statuses Berth has: ACTIVE, and INACTIVE once deleted. */
public enum ClusterStatus {
    ACTIVE, INACTIVE
}
