package dev.berth.autoscaler.ecsmetrics;

/** ECS's container instance statuses (botocore ecs service-2.json, ContainerInstance.status). */
public enum HostStatus {
    REGISTERING, REGISTRATION_FAILED, ACTIVE, INACTIVE, DEREGISTERING, DRAINING;

    /** Only ACTIVE and DRAINING hosts count toward a cluster's registered and reserved capacity. */
    public boolean counts() {
        return this == ACTIVE || this == DRAINING;
    }
}
