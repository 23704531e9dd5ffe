package dev.berth.scheduler.services;

/** ECS's deployment statuses: PRIMARY is being rolled out, ACTIVE ones are being replaced, INACTIVE are done. */
public enum DeploymentStatus {
    PRIMARY, ACTIVE, INACTIVE
}
