package dev.berth.scheduler.services;

/** ECS's schedulingStrategy: a desired count of tasks, or one task on every host. */
public enum SchedulingStrategy {
    REPLICA, DAEMON
}
