package dev.berth.gateway.taskroles;

import java.time.Instant;

/** A running task's current credentials, as the agent serves them to its containers. */
public record TaskToken(String taskId, String taskRole, String roleArn, String token, String tokenType,
                        Instant expiration) {
}
