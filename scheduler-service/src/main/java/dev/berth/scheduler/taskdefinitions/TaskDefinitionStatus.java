package dev.berth.scheduler.taskdefinitions;

/** ECS's task definition statuses: ACTIVE, and INACTIVE once deregistered. */
public enum TaskDefinitionStatus {
    ACTIVE, INACTIVE
}
