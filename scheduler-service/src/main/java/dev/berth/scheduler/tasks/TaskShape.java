package dev.berth.scheduler.tasks;

import dev.berth.common.error.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.agent.protocol.AgentMessage;
import dev.berth.agent.protocol.AgentMessages;
import dev.berth.agent.protocol.TaskOverrides;
import dev.berth.scheduler.placement.TaskDemand;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.ContainerDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.PortMapping;
import dev.berth.scheduler.taskdefinitions.TaskSize;
import java.util.ArrayList;
import java.util.List;

/**
 * What a task of a task definition needs from a host once run-task's overrides are applied: cpu,
 * memory and host ports (in bridge mode a missing hostPort is dynamic, in host mode it is the
 * container port, awsvpc and none take no host port), and its containers as ECS first shows them.
 */
public record TaskShape(TaskDemand demand, List<PortSlot> ports, ArrayNode containers) {

    /** Which container port each of the demand's host ports is for, in the same order. */
    public record PortSlot(String containerName, int containerPort, String protocol) {
    }

    /**
     * @param overrides ECS's task overrides: {@code cpu}, {@code memory} and {@code containerOverrides[]}
     *                  with {@code name}, {@code cpu}, {@code memory}, {@code memoryReservation}
     */
    public static TaskShape of(TaskDefinitionSpec spec, int definedCpu, int definedMemory, JsonNode overrides,
                               String group) {
        validateContainerOverrides(spec, overrides);
        TaskOverrides resolved = TaskOverrides.of(overrides);
        int cpuSum = 0;
        int memorySum = 0;
        boolean containerSizesChanged = false;
        List<TaskDemand.PortDemand> ports = new ArrayList<>();
        List<PortSlot> slots = new ArrayList<>();
        ArrayNode containers = JsonNodeFactory.instance.arrayNode();
        String networkMode = spec.networkMode() == null ? "bridge" : spec.networkMode();
        for (ContainerDefinition c : spec.containerDefinitions()) {
            Integer cpu = resolved.cpu(c.name(), c.cpu());
            Integer memory = resolved.memory(c.name(), c.memory());
            Integer reservation = resolved.memoryReservation(c.name(), c.memoryReservation());
            containerSizesChanged |= resolved.resizes(c.name());
            cpuSum += cpu == null ? 0 : cpu;
            memorySum += TaskOverrides.reservedMemory(memory, reservation);
            for (PortMapping mapping : c.portMappings() == null ? List.<PortMapping>of() : c.portMappings()) {
                String protocol = mapping.protocol() == null ? "tcp" : mapping.protocol();
                int hostPort = switch (networkMode) {
                    case "host" -> mapping.hostPort() != null && mapping.hostPort() > 0 ? mapping.hostPort() : mapping.containerPort();
                    case "bridge" -> mapping.hostPort() == null ? 0 : mapping.hostPort();
                    default -> -1;
                };
                if (hostPort >= 0) {
                    ports.add(new TaskDemand.PortDemand(hostPort, protocol));
                    slots.add(new PortSlot(c.name(), mapping.containerPort(), protocol));
                }
            }
            ObjectNode container = containers.addObject();
            container.put("name", c.name());
            container.put("image", c.image());
            container.put("lastStatus", "PENDING");
            container.put("cpu", String.valueOf(cpu == null ? 0 : cpu));
            if (memory != null) {
                container.put("memory", String.valueOf(memory));
            }
            if (reservation != null) {
                container.put("memoryReservation", String.valueOf(reservation));
            }
            container.put("essential", c.isEssential());
            container.put("healthStatus", "UNKNOWN");
            container.put("hasHealthCheck", c.healthCheck() != null);
            container.putArray("networkBindings");
        }
        Integer taskCpu = TaskSize.cpuUnits(resolved.taskCpu(null));
        Integer taskMemory = TaskSize.memoryMiB(resolved.taskMemory(null));
        int cpu = taskCpu != null ? taskCpu : containerSizesChanged && TaskSize.cpuUnits(spec.cpu()) == null ? cpuSum : definedCpu;
        int memory = taskMemory != null ? taskMemory
                : containerSizesChanged && TaskSize.memoryMiB(spec.memory()) == null ? memorySum : definedMemory;
        return new TaskShape(new TaskDemand(cpu, memory, ports, group), slots, containers);
    }

    /** The host port each container port got, for the agent and for DescribeTasks. */
    public List<AgentMessage.NetworkBinding> bindings(List<Integer> hostPorts) {
        List<AgentMessage.NetworkBinding> bindings = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            PortSlot slot = ports.get(i);
            bindings.add(new AgentMessage.NetworkBinding(slot.containerName(), slot.containerPort(), hostPorts.get(i),
                    slot.protocol()));
        }
        return bindings;
    }

    /** The containers with the host ports they were given. */
    public ArrayNode containersWith(List<AgentMessage.NetworkBinding> bindings) {
        ArrayNode copy = containers.deepCopy();
        for (JsonNode container : copy) {
            String name = container.path("name").asText();
            ((ObjectNode) container).set("networkBindings",
                    bindingsJson(bindings.stream().filter(b -> b.containerName().equals(name)).toList()));
        }
        return copy;
    }

    /** ECS's networkBindings of a container: bindIP, containerPort, hostPort, protocol. */
    static JsonNode bindingsJson(List<AgentMessage.NetworkBinding> bindings) {
        return AgentMessages.json().valueToTree(bindings.stream()
                .map(b -> new Binding("0.0.0.0", b.containerPort(), b.hostPort(), b.protocol())).toList());
    }

    record Binding(String bindIP, int containerPort, int hostPort, String protocol) {
    }

    private static void validateContainerOverrides(TaskDefinitionSpec spec, JsonNode overrides) {
        JsonNode list = overrides == null ? null : overrides.get("containerOverrides");
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new InvalidInputException("overrides.containerOverrides", "must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode override = list.get(i);
            String name = override.path("name").asText(null);
            String field = "overrides.containerOverrides[" + i + "]";
            if (name == null) {
                throw new InvalidInputException(field + ".name", "is required");
            }
            if (spec.containerDefinitions().stream().noneMatch(c -> c.name().equals(name))) {
                throw new InvalidInputException(field + ".name", "no container '" + name + "' in the task definition");
            }
            for (String number : List.of("cpu", "memory", "memoryReservation")) {
                if (override.has(number) && (!override.get(number).canConvertToInt() || override.get(number).asInt() < 0)) {
                    throw new InvalidInputException(field + "." + number, "must be a whole number of at least 0");
                }
            }
        }
    }
}
