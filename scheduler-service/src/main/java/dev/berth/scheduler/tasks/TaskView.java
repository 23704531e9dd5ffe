package dev.berth.scheduler.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.scheduler.Arns;
import dev.berth.scheduler.clusters.Cluster;
import dev.berth.scheduler.hosts.Host;
import dev.berth.scheduler.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A task as ECS's DescribeTasks shows it, which is also the detail of an "ECS Task State Change"
 * event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(String taskArn, String clusterArn, String taskDefinitionArn, String containerInstanceArn,
                       String lastStatus, String desiredStatus, String healthStatus, String cpu, String memory,
                       List<JsonNode> containers, String group, String startedBy, String launchType, long version,
                       String stopCode, String stoppedReason, Instant createdAt, Instant startedAt, Instant stoppingAt,
                       Instant stoppedAt, Instant updatedAt,
                       @Schema(implementation = TaskOverride.class) JsonNode overrides, List<Tag> tags) {

    /** The view with the task's tags (DescribeTasks with include=TAGS). */
    public TaskView withTags(List<Tag> taskTags) {
        return new TaskView(taskArn, clusterArn, taskDefinitionArn, containerInstanceArn, lastStatus, desiredStatus,
                healthStatus, cpu, memory, containers, group, startedBy, launchType, version, stopCode, stoppedReason,
                createdAt, startedAt, stoppingAt, stoppedAt, updatedAt, overrides, taskTags);
    }

    public static TaskView of(Task task) {
        List<JsonNode> containers = new ArrayList<>();
        for (JsonNode stored : task.containers()) {
            ObjectNode container = stored.deepCopy();
            container.remove("hasHealthCheck");
            container.put("taskArn", task.arn());
            container.put("containerArn", Arns.ecs(task.tenant(), "container/" + task.cluster() + "/" + task.id() + "/"
                    + container.path("name").asText()));
            containers.add(container);
        }
        return new TaskView(task.arn(), Cluster.arn(task.tenant(), task.cluster()),
                task.taskDefinitionArn(), Host.arn(task.tenant(), task.cluster(), task.hostId()), task.lastStatus().name(),
                task.desiredStatus().name(), task.healthStatus(), String.valueOf(task.cpu()), String.valueOf(task.memory()),
                containers, task.group(), task.startedBy(), "EC2", task.version(), task.stopCode(), task.stoppedReason(),
                task.createdAt(), task.startedAt(), task.stoppingAt(), task.stoppedAt(), task.updatedAt(),
                task.overrides(), null);
    }
}
