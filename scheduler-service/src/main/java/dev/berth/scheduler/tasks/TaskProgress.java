package dev.berth.scheduler.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.agent.protocol.AgentMessage;
import java.util.Optional;

/**
 * What an agent's task report changes. Reports may come twice or late (after a reconnect): a
 * status never moves backwards, and a report that changes nothing changes nothing.
 */
public final class TaskProgress {

    /** The task's new state; {@code stoppedNow} when this report stopped it (its room on the host is freed). */
    public record Change(TaskStatus lastStatus, TaskStatus desiredStatus, String healthStatus, String stopCode,
                         String stoppedReason, JsonNode containers, boolean stoppedNow) {
    }

    private TaskProgress() {
    }

    public static Optional<Change> apply(Task task, AgentMessage.TaskStateReport report) {
        if (!TaskStatus.known(report.lastStatus())) {
            throw new IllegalArgumentException("lastStatus: '" + report.lastStatus() + "' is not a task status");
        }
        TaskStatus reported = TaskStatus.valueOf(report.lastStatus());
        TaskStatus lastStatus = reported.isAfter(task.lastStatus()) ? reported : task.lastStatus();
        ArrayNode containers = mergeContainers(task.containers(), report);
        boolean statusMoved = lastStatus != task.lastStatus();
        if (!statusMoved && containers.equals(task.containers())) {
            return Optional.empty();
        }
        boolean stoppedNow = statusMoved && lastStatus == TaskStatus.STOPPED;
        // a task that stops on its own is not wanted running any more (ECS sets desiredStatus too)
        TaskStatus desired = lastStatus.ordinal() >= TaskStatus.DEACTIVATING.ordinal() ? TaskStatus.STOPPED : task.desiredStatus();
        String stopCode = task.stopCode() != null ? task.stopCode() : stoppedNow ? report.stopCode() : null;
        String reason = task.stoppedReason() != null ? task.stoppedReason() : stoppedNow ? report.stoppedReason() : null;
        if (stoppedNow && stopCode == null) {
            stopCode = "EssentialContainerExited";
        }
        return Optional.of(new Change(lastStatus, desired, health(containers), stopCode, reason, containers, stoppedNow));
    }

    private static ArrayNode mergeContainers(JsonNode current, AgentMessage.TaskStateReport report) {
        ArrayNode merged = current.deepCopy();
        for (AgentMessage.ContainerState state : report.containers()) {
            for (JsonNode node : merged) {
                if (!state.name().equals(node.path("name").asText())) {
                    continue;
                }
                ObjectNode container = (ObjectNode) node;
                if (state.lastStatus() != null) {
                    container.put("lastStatus", state.lastStatus());
                }
                if (state.exitCode() != null) {
                    container.put("exitCode", state.exitCode());
                }
                if (state.reason() != null) {
                    container.put("reason", state.reason());
                }
                if (state.healthStatus() != null) {
                    container.put("healthStatus", state.healthStatus());
                }
                if (!state.networkBindings().isEmpty()) {
                    container.set("networkBindings", TaskShape.bindingsJson(state.networkBindings()));
                }
            }
        }
        return merged;
    }

    /** ECS: UNHEALTHY if a container is; HEALTHY when every container with a health check is; else UNKNOWN. */
    static String health(JsonNode containers) {
        boolean anyHealthy = false;
        for (JsonNode container : containers) {
            String health = container.path("healthStatus").asText("UNKNOWN");
            if (health.equals("UNHEALTHY")) {
                return "UNHEALTHY";
            }
            if (health.equals("HEALTHY")) {
                anyHealthy = true;
            } else if (container.path("hasHealthCheck").asBoolean(false)) {
                return "UNKNOWN";
            }
        }
        return anyHealthy ? "HEALTHY" : "UNKNOWN";
    }
}
