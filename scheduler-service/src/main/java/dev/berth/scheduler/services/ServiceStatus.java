package dev.berth.scheduler.services;

/** ECS's service statuses: ACTIVE, DRAINING after DeleteService until its tasks are gone, then INACTIVE. */
public enum ServiceStatus {
    ACTIVE, DRAINING, INACTIVE
}
