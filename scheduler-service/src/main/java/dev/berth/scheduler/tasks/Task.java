package dev.berth.scheduler.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.scheduler.Arns;
import java.time.Instant;
import java.util.List;

/** A task as stored: where it runs, what it holds there, and how far along its lifecycle it is. */
public record Task(String tenant, String id, String cluster, String hostId, String taskDefinitionArn, String family,
                   String group, String startedBy, String serviceName, String deploymentId, TaskStatus desiredStatus,
                   TaskStatus lastStatus, String healthStatus, String stopCode, String stoppedReason, int cpu, int memory,
                   List<String> hostPorts, JsonNode containers, JsonNode overrides, int version, Instant createdAt,
                   Instant startedAt, Instant stoppingAt, Instant stoppedAt, Instant updatedAt) {

    public static String arn(String tenant, String cluster, String id) {
        return Arns.ecs(tenant, "task/" + cluster + "/" + id);
    }

    public String arn() {
        return arn(tenant, cluster, id);
    }

    /** An id given as is or as a task ARN. */
    public static String idOf(String idOrArn) {
        return Arns.lastSegment(idOrArn);
    }
}
