package dev.berth.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.agent.engine.ContainerSpec;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.TaskOverrides;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a start-task command (ECS task definition JSON, run-task overrides, assigned host ports)
 * into what the agent runs. The scheduler validated the definition; this only maps it, with
 * ECS's defaults where a field is left out.
 */
public final class TaskPlans {

    /** ECS_CONTAINER_STOP_TIMEOUT's default. */
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Docker's smallest cpu share; ECS gives containers without cpu units this much. */
    static final int MIN_CPU_SHARES = 2;
    private static final long MIB = 1024L * 1024;

    private TaskPlans() {
    }

    /** Who the agent runs the task for: its labels say so. */
    public record Owner(String tenant, String cluster, String hostId) {
    }

    /**
     * @throws ElevatedAccessRefused when the task asks for host networking, a privileged container or
     *                               added capabilities its cluster does not allow
     */
    public static TaskPlan from(AgentMessage.StartTask task, Owner owner) {
        JsonNode definition = task.taskDefinition();
        TaskOverrides overrides = TaskOverrides.of(task.overrides());
        String taskId = taskId(task.taskArn());
        String family = definition.path("family").asText("task");
        String networkMode = definition.path("networkMode").asText("bridge");
        long taskCpu = units(overrides.taskCpu(text(definition.path("cpu"))));
        int taskMemory = mebibytes(overrides.taskMemory(text(definition.path("memory"))));
        List<ContainerPlan> containers = new ArrayList<>();
        for (JsonNode container : definition.path("containerDefinitions")) {
            containers.add(container(task, owner, taskId, family, networkMode, taskCpu, container, overrides));
        }
        ElevatedAccessRefused.check(containers, task.allowed());
        String role = overrides.taskRoleArn(definition.path("taskRoleArn").asText(null));
        return new TaskPlan(task.taskArn(), taskId, family, task.group(), role, containers, (int) taskCpu, taskMemory);
    }

    /** The last part of a task ARN ({@code arn:berth:ecs::acme:task/prod/<id>}). */
    public static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    private static ContainerPlan container(AgentMessage.StartTask task, Owner owner, String taskId, String family,
                                           String networkMode, long taskCpu, JsonNode c, TaskOverrides overrides) {
        String name = c.path("name").asText();
        int cpu = orZero(overrides.cpu(name, number(c.path("cpu"))));
        int memory = orZero(overrides.memory(name, number(c.path("memory"))));
        int reservation = orZero(overrides.memoryReservation(name, number(c.path("memoryReservation"))));

        Map<String, String> defined = new LinkedHashMap<>();
        c.path("environment").forEach(e -> defined.put(e.path("name").asText(), e.path("value").asText("")));
        Map<String, String> env = overrides.environment(name, defined);

        Map<String, String> labels = new LinkedHashMap<>();
        c.path("dockerLabels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        labels.put(TaskLabels.TENANT, owner.tenant());
        labels.put(TaskLabels.CLUSTER, owner.cluster());
        labels.put(TaskLabels.HOST_ID, owner.hostId());
        labels.put(TaskLabels.TASK_ARN, task.taskArn());
        labels.put(TaskLabels.CONTAINER_NAME, name);
        labels.put(TaskLabels.TASK_FAMILY, family);

        List<ContainerSpec.PortBinding> ports = new ArrayList<>();
        for (AgentMessage.NetworkBinding binding : task.networkBindings()) {
            if (binding.containerName().equals(name)) {
                ports.add(new ContainerSpec.PortBinding(binding.containerPort(), binding.hostPort(),
                        binding.protocol() == null ? "tcp" : binding.protocol().toLowerCase(Locale.ROOT)));
            }
        }
        ContainerSpec spec = new ContainerSpec(containerName(taskId, name), c.path("image").asText(),
                strings(c.path("entryPoint")),
                overrides.command(name, strings(c.path("command"))),
                env, c.path("workingDirectory").asText(null), labels,
                Math.max(MIN_CPU_SHARES, cpu), taskCpu * 1_000_000_000L / 1024,
                memory * MIB, reservation * MIB, ports,
                networkMode.equals("awsvpc") ? "bridge" : networkMode, c.path("user").asText(null),
                c.path("privileged").asBoolean(false), strings(c.path("linuxParameters").path("capabilities").path("add")));

        List<ContainerPlan.Dependency> dependsOn = new ArrayList<>();
        for (JsonNode d : c.path("dependsOn")) {
            dependsOn.add(new ContainerPlan.Dependency(d.path("containerName").asText(),
                    ContainerPlan.Condition.valueOf(d.path("condition").asText("START").toUpperCase(Locale.ROOT))));
        }
        Duration stopTimeout = c.hasNonNull("stopTimeout") ? Duration.ofSeconds(c.path("stopTimeout").asInt())
                : DEFAULT_STOP_TIMEOUT;
        return new ContainerPlan(name, !c.has("essential") || c.path("essential").asBoolean(true), dependsOn,
                healthCheck(c.path("healthCheck")), logs(c.path("logConfiguration"), name, taskId), stopTimeout,
                cpu, TaskOverrides.reservedMemory(memory, reservation), spec);
    }

    private static Integer number(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asInt();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** ECS's command forms: {@code CMD-SHELL <script>} runs in the container's shell, {@code CMD <argv>} as is. */
    private static ContainerPlan.HealthCheck healthCheck(JsonNode h) {
        List<String> command = strings(h.path("command"));
        if (command == null || command.isEmpty()) {
            return null;
        }
        List<String> argv = switch (command.get(0)) {
            case "CMD-SHELL" -> List.of("/bin/sh", "-c", String.join(" ", command.subList(1, command.size())));
            case "CMD" -> command.subList(1, command.size());
            default -> command;
        };
        return new ContainerPlan.HealthCheck(argv, Duration.ofSeconds(h.path("interval").asInt(30)),
                Duration.ofSeconds(h.path("timeout").asInt(5)), h.path("retries").asInt(3),
                Duration.ofSeconds(h.path("startPeriod").asInt(0)));
    }

    /** awslogs: group from {@code awslogs-group}, stream {@code prefix/container/taskId} (or {@code container/taskId}). */
    private static ContainerPlan.LogDestination logs(JsonNode config, String container, String taskId) {
        if (!"awslogs".equals(config.path("logDriver").asText())) {
            return null;
        }
        JsonNode options = config.path("options");
        String group = options.path("awslogs-group").asText(null);
        if (group == null) {
            return null;
        }
        String prefix = options.path("awslogs-stream-prefix").asText("");
        String stream = (prefix.isEmpty() ? "" : prefix + "/") + container + "/" + taskId;
        return new ContainerPlan.LogDestination(group, stream);
    }

    /** Task-level cpu as ECS writes it: "256", 256 or "0.25 vCPU". */
    static long units(JsonNode cpu) {
        return cpu.isNumber() ? cpu.asLong() : units(cpu.asText(""));
    }

    static long units(String cpu) {
        String text = cpu == null ? "" : cpu.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return 0;
        }
        if (text.endsWith("vcpu")) {
            return Math.round(Double.parseDouble(text.replace("vcpu", "").trim()) * 1024);
        }
        return Long.parseLong(text);
    }

    /**
     * Task-level memory as ECS writes it: "512", 512 or "1 GB"; 0 when absent. The scheduler validated
     * it, so what cannot be read counts as none rather than refusing the task.
     */
    static int mebibytes(String memory) {
        String text = memory == null ? "" : memory.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("gb")) {
                return (int) Math.round(Double.parseDouble(text.substring(0, text.length() - 2).trim()) * 1024);
            }
            if (text.endsWith("mb") || text.endsWith("mib")) {
                text = text.replaceAll("mi?b$", "").trim();
            }
            return text.isEmpty() ? 0 : (int) Math.round(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String containerName(String taskId, String container) {
        return "berth-" + taskId + "-" + container.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    private static List<String> strings(JsonNode array) {
        if (!array.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
