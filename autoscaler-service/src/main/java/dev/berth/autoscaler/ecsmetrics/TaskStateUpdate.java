package dev.berth.autoscaler.ecsmetrics;

import java.time.Instant;
import java.util.Objects;

/**
 * What the autoscaler keeps of one "ECS Task State Change".
 *
 * @param serviceName  the service (from the task's group {@code service:<name>}); null for a standalone task
 * @param version      the task's version: a change never replaces a newer one
 * @param runningSince when the task became RUNNING; null while it has not
 * @param runningUntil when it left RUNNING (stopping or stopped); null while it runs or has not run
 */
public record TaskStateUpdate(String tenant, String clusterName, String taskId, String serviceName, String family,
                              String taskDefinitionArn, String lastStatus, String desiredStatus, long version,
                              Instant runningSince, Instant runningUntil) {

    public TaskStateUpdate {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(taskDefinitionArn, "taskDefinitionArn");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(desiredStatus, "desiredStatus");
    }
}
