package dev.berth.gateway.taskroles;

/** A running task, the host it runs on, and the Keycloak client that holds its credentials. */
public record TaskBinding(String taskId, String tenant, String taskRole, String cluster, String hostId,
                          String clientId) {
}
