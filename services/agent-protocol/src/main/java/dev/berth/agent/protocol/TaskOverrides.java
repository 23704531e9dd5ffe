package dev.berth.agent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS's task overrides (RunTask/StartTask {@code overrides}) applied to what a task definition
 * says: the one reading of them, shared by the scheduler (what it reserves on a host) and the
 * agent (what it runs), so that the two cannot drift apart. Each method takes the definition's
 * value and answers the one the task gets. The scheduler validates the overrides; this only
 * applies them.
 */
public final class TaskOverrides {

    public static final TaskOverrides NONE = new TaskOverrides(MissingNode.getInstance());

    private final JsonNode overrides;

    private TaskOverrides(JsonNode overrides) {
        this.overrides = overrides;
    }

    /** @param overrides ECS's {@code overrides} object; null or absent: none */
    public static TaskOverrides of(JsonNode overrides) {
        return overrides == null || overrides.isNull() || overrides.isMissingNode() ? NONE : new TaskOverrides(overrides);
    }

    /** Cpu units of the container: {@code containerOverrides[].cpu}, else the definition's. */
    public Integer cpu(String container, Integer defined) {
        return number(container, "cpu", defined);
    }

    /** Hard memory limit (MiB) of the container: {@code containerOverrides[].memory}, else the definition's. */
    public Integer memory(String container, Integer defined) {
        return number(container, "memory", defined);
    }

    /** Soft memory limit (MiB) of the container: {@code containerOverrides[].memoryReservation}, else the definition's. */
    public Integer memoryReservation(String container, Integer defined) {
        return number(container, "memoryReservation", defined);
    }

    /** What a container takes from a host's memory (MiB): its hard limit where it has one, else its soft one, else 0. */
    public static int reservedMemory(Integer memory, Integer memoryReservation) {
        if (memory != null && memory > 0) {
            return memory;
        }
        return memoryReservation == null ? 0 : memoryReservation;
    }

    /** Whether the overrides change the container's cpu or memory. */
    public boolean resizes(String container) {
        JsonNode o = container(container);
        return o.has("cpu") || o.has("memory") || o.has("memoryReservation");
    }

    /** The container's command: {@code containerOverrides[].command} replaces the definition's. */
    public List<String> command(String container, List<String> defined) {
        JsonNode command = container(container).path("command");
        if (!command.isArray()) {
            return defined;
        }
        List<String> values = new ArrayList<>();
        command.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The container's environment: the definition's, with {@code containerOverrides[].environment} added or replacing by name. */
    public Map<String, String> environment(String container, Map<String, String> defined) {
        Map<String, String> env = new LinkedHashMap<>(defined);
        container(container).path("environment").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText("")));
        return env;
    }

    /** The task's role: {@code overrides.taskRoleArn}, else the definition's. */
    public String taskRoleArn(String defined) {
        return text("taskRoleArn", defined);
    }

    /** The task-level cpu as written ("256", "0.25 vCPU"): {@code overrides.cpu}, else the definition's. */
    public String taskCpu(String defined) {
        return text("cpu", defined);
    }

    /** The task-level memory as written ("512", "1 GB"): {@code overrides.memory}, else the definition's. */
    public String taskMemory(String defined) {
        return text("memory", defined);
    }

    private String text(String field, String defined) {
        return overrides.hasNonNull(field) ? overrides.get(field).asText() : defined;
    }

    private Integer number(String container, String field, Integer defined) {
        JsonNode o = container(container);
        return o.hasNonNull(field) ? Integer.valueOf(o.get(field).asInt()) : defined;
    }

    private JsonNode container(String name) {
        for (JsonNode o : overrides.path("containerOverrides")) {
            if (name.equals(o.path("name").asText(null))) {
                return o;
            }
        }
        return MissingNode.getInstance();
    }
}
