package dev.berth.scheduler.services;

import java.time.Instant;

/** One rollout of a service: PRIMARY is the one being rolled out, ACTIVE ones are being replaced. */
public record Deployment(String tenant, String id, String cluster, String serviceName, DeploymentStatus status,
                         String taskDefinitionArn, RolloutState rolloutState, String rolloutStateReason, int failedTasks,
                         String rollbackOf, Instant createdAt, Instant updatedAt) {

    public boolean primary() {
        return status == DeploymentStatus.PRIMARY;
    }
}
