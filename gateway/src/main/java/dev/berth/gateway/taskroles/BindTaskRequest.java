package dev.berth.gateway.taskroles;

/**
 * What the scheduler says when it places a task that has a task role.
 *
 * @param taskRole the role's name or ARN
 */
public record BindTaskRequest(String tenant, String taskRole, String cluster, String hostId) {
}
