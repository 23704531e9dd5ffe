package dev.berth.scheduler.placement;

/**
 * Why a host did not get a task. {@code reason} is ECS's failure reason where ECS has one
 * (RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS, MissingAttribute, AGENT), {@code detail} says
 * it in words.
 */
public record Rejection(String instanceId, String reason, String detail) {
}
