package dev.berth.gateway.taskroles;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's task role: what a task started with it may do, as scopes.
 *
 * @param arn how task definitions name it in {@code taskRoleArn}
 */
public record TaskRole(String name, String arn, String description, List<String> scopes, String createdBy,
                       Instant createdAt, Instant updatedAt) {
}
