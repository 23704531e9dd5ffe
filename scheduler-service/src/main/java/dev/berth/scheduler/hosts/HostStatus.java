package dev.berth.scheduler.hosts;

/** ECS's container instance statuses that a user can set or that deregistration leaves. */
public enum HostStatus {
    ACTIVE, DRAINING, INACTIVE
}
