package dev.berth.scheduler.services;

/** ECS's rolloutState of a deployment. */
public enum RolloutState {
    IN_PROGRESS, COMPLETED, FAILED
}
