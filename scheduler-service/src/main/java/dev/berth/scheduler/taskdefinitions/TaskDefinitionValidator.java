package dev.berth.scheduler.taskdefinitions;

import dev.berth.scheduler.placement.query.ClusterQuery;
import dev.berth.scheduler.placement.query.QuerySyntaxException;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.ContainerDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.ContainerDependency;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.HealthCheck;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.PortMapping;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ECS's rules for RegisterTaskDefinition, checked before anything is stored. The first broken
 * rule is reported with the path of the field it concerns.
 */
public final class TaskDefinitionValidator {

    public static final int MAX_CONTAINERS = 10;
    public static final int MAX_CONSTRAINTS = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");
    private static final Set<String> CONDITIONS = Set.of("START", "COMPLETE", "SUCCESS", "HEALTHY");
    private static final Set<String> LOG_DRIVERS = Set.of("awslogs", "json-file", "journald", "syslog", "fluentd", "gelf",
            "splunk", "logentries", "awsfirelens", "none");
    private static final Set<String> COMPATIBILITIES = Set.of("EC2", "EXTERNAL");

    private TaskDefinitionValidator() {
    }

    /** The task's resource needs once it is valid: task-level sizes, or the containers' sums. */
    public record Sizes(int cpu, int memory) {
    }

    /** @throws InvalidTaskDefinitionException naming the field */
    public static Sizes validate(TaskDefinitionSpec spec) {
        if (spec == null) {
            throw new InvalidTaskDefinitionException("body", "a task definition is required");
        }
        requireName("family", spec.family());
        Integer taskCpu = TaskSize.cpuUnits(spec.cpu());
        Integer taskMemory = TaskSize.memoryMiB(spec.memory());
        String networkMode = spec.networkMode() == null ? "bridge" : spec.networkMode();
        if (!NETWORK_MODES.contains(networkMode)) {
            throw new InvalidTaskDefinitionException("networkMode", "'" + networkMode + "' is not one of " + sorted(NETWORK_MODES));
        }
        List<ContainerDefinition> containers = spec.containerDefinitions();
        if (containers == null || containers.isEmpty()) {
            throw new InvalidTaskDefinitionException("containerDefinitions", "at least one container is required");
        }
        if (containers.size() > MAX_CONTAINERS) {
            throw new InvalidTaskDefinitionException("containerDefinitions", "at most " + MAX_CONTAINERS
                    + " containers, got " + containers.size());
        }
        Map<String, ContainerDefinition> byName = new HashMap<>();
        Set<String> hostPorts = new HashSet<>();
        int cpuSum = 0;
        int memorySum = 0;
        for (int i = 0; i < containers.size(); i++) {
            String field = "containerDefinitions[" + i + "]";
            ContainerDefinition c = containers.get(i);
            if (c == null) {
                throw new InvalidTaskDefinitionException(field, "must be an object");
            }
            requireName(field + ".name", c.name());
            if (byName.put(c.name(), c) != null) {
                throw new InvalidTaskDefinitionException(field + ".name", "'" + c.name() + "' is used by another container");
            }
            if (c.image() == null || c.image().isBlank()) {
                throw new InvalidTaskDefinitionException(field + ".image", "is required");
            }
            cpuSum += container(field, c, taskMemory);
            memorySum += c.memory() != null ? c.memory() : c.memoryReservation() != null ? c.memoryReservation() : 0;
            portMappings(field, c.portMappings(), networkMode, hostPorts);
        }
        if (containers.stream().noneMatch(ContainerDefinition::isEssential)) {
            throw new InvalidTaskDefinitionException("containerDefinitions", "at least one container must be essential");
        }
        for (int i = 0; i < containers.size(); i++) {
            dependencies("containerDefinitions[" + i + "]", containers.get(i), byName);
        }
        requireNoCycle(containers, byName);
        if (taskMemory != null && memorySum > taskMemory) {
            throw new InvalidTaskDefinitionException("memory", "the containers need " + memorySum + " MiB, more than the task's "
                    + taskMemory);
        }
        if (taskCpu != null && cpuSum > taskCpu) {
            throw new InvalidTaskDefinitionException("cpu", "the containers need " + cpuSum + " cpu units, more than the task's "
                    + taskCpu);
        }
        placementConstraints(spec.placementConstraints());
        compatibilities(spec.requiresCompatibilities());
        UnsupportedFields.refuse(spec);
        return new Sizes(taskCpu != null ? taskCpu : cpuSum, taskMemory != null ? taskMemory : memorySum);
    }

    /** @return the container's cpu units */
    private static int container(String field, ContainerDefinition c, Integer taskMemory) {
        int cpu = c.cpu() == null ? 0 : c.cpu();
        if (cpu < 0) {
            throw new InvalidTaskDefinitionException(field + ".cpu", "must not be negative");
        }
        if (c.memory() != null && c.memory() < 6) {
            throw new InvalidTaskDefinitionException(field + ".memory", "at least 6 MiB, got " + c.memory());
        }
        if (c.memoryReservation() != null && c.memoryReservation() < 6) {
            throw new InvalidTaskDefinitionException(field + ".memoryReservation", "at least 6 MiB, got " + c.memoryReservation());
        }
        if (c.memory() != null && c.memoryReservation() != null && c.memoryReservation() > c.memory()) {
            throw new InvalidTaskDefinitionException(field + ".memory", "must be at least memoryReservation ("
                    + c.memoryReservation() + " MiB), got " + c.memory());
        }
        if (taskMemory == null && c.memory() == null && c.memoryReservation() == null) {
            throw new InvalidTaskDefinitionException(field + ".memory",
                    "memory or memoryReservation is required when the task has no memory of its own");
        }
        if (c.environment() != null) {
            for (int e = 0; e < c.environment().size(); e++) {
                if (c.environment().get(e) == null || c.environment().get(e).name() == null
                        || c.environment().get(e).name().isBlank()) {
                    throw new InvalidTaskDefinitionException(field + ".environment[" + e + "].name", "is required");
                }
            }
        }
        if (c.healthCheck() != null) {
            healthCheck(field + ".healthCheck", c.healthCheck());
        }
        if (c.logConfiguration() != null && !LOG_DRIVERS.contains(String.valueOf(c.logConfiguration().logDriver()))) {
            throw new InvalidTaskDefinitionException(field + ".logConfiguration.logDriver", "'" + c.logConfiguration().logDriver()
                    + "' is not one of " + sorted(LOG_DRIVERS));
        }
        if (c.stopTimeout() != null && (c.stopTimeout() < 2 || c.stopTimeout() > 120)) {
            throw new InvalidTaskDefinitionException(field + ".stopTimeout", "between 2 and 120 seconds, got " + c.stopTimeout());
        }
        return cpu;
    }

    private static void portMappings(String field, List<PortMapping> mappings, String networkMode, Set<String> hostPorts) {
        if (mappings == null) {
            return;
        }
        for (int p = 0; p < mappings.size(); p++) {
            String at = field + ".portMappings[" + p + "]";
            PortMapping m = mappings.get(p);
            if (m == null || m.containerPort() == null || m.containerPort() < 1 || m.containerPort() > 65535) {
                throw new InvalidTaskDefinitionException(at + ".containerPort", "a port from 1 to 65535 is required");
            }
            int hostPort = m.hostPort() == null ? 0 : m.hostPort();
            if (hostPort < 0 || hostPort > 65535) {
                throw new InvalidTaskDefinitionException(at + ".hostPort", "0 (any free port) or 1 to 65535, got " + hostPort);
            }
            if ((networkMode.equals("host") || networkMode.equals("awsvpc")) && hostPort != 0
                    && hostPort != m.containerPort()) {
                throw new InvalidTaskDefinitionException(at + ".hostPort", "must equal containerPort in " + networkMode
                        + " network mode");
            }
            String protocol = m.protocol() == null ? "tcp" : m.protocol();
            if (!PROTOCOLS.contains(protocol)) {
                throw new InvalidTaskDefinitionException(at + ".protocol", "tcp or udp, got '" + protocol + "'");
            }
            int bound = networkMode.equals("host") || networkMode.equals("awsvpc") ? m.containerPort() : hostPort;
            if (bound != 0 && !hostPorts.add(protocol + "/" + bound)) {
                throw new InvalidTaskDefinitionException(at + ".hostPort", "host port " + protocol + "/" + bound
                        + " is used twice in this task definition");
            }
        }
    }

    private static void healthCheck(String field, HealthCheck h) {
        if (h.command() == null || h.command().isEmpty()
                || !(h.command().get(0).equals("CMD") || h.command().get(0).equals("CMD-SHELL"))) {
            throw new InvalidTaskDefinitionException(field + ".command", "must start with \"CMD\" or \"CMD-SHELL\"");
        }
        range(field + ".interval", h.interval(), 5, 300);
        range(field + ".timeout", h.timeout(), 2, 60);
        range(field + ".retries", h.retries(), 1, 10);
        range(field + ".startPeriod", h.startPeriod(), 0, 300);
    }

    private static void dependencies(String field, ContainerDefinition c, Map<String, ContainerDefinition> byName) {
        if (c.dependsOn() == null) {
            return;
        }
        for (int d = 0; d < c.dependsOn().size(); d++) {
            String at = field + ".dependsOn[" + d + "]";
            ContainerDependency dependency = c.dependsOn().get(d);
            String target = dependency == null ? null : dependency.containerName();
            if (target == null || !byName.containsKey(target)) {
                throw new InvalidTaskDefinitionException(at + ".containerName", "'" + target
                        + "' is not a container of this task definition");
            }
            if (target.equals(c.name())) {
                throw new InvalidTaskDefinitionException(at + ".containerName", "a container cannot depend on itself");
            }
            if (!CONDITIONS.contains(String.valueOf(dependency.condition()))) {
                throw new InvalidTaskDefinitionException(at + ".condition", "'" + dependency.condition() + "' is not one of "
                        + sorted(CONDITIONS));
            }
            if (dependency.condition().equals("HEALTHY") && byName.get(target).healthCheck() == null) {
                throw new InvalidTaskDefinitionException(at + ".condition", "HEALTHY needs a healthCheck on '" + target + "'");
            }
        }
    }

    private static void requireNoCycle(List<ContainerDefinition> containers, Map<String, ContainerDefinition> byName) {
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (ContainerDefinition c : containers) {
            visit(c.name(), byName, state);
        }
    }

    private static void visit(String name, Map<String, ContainerDefinition> byName, Map<String, Integer> state) {
        Integer seen = state.get(name);
        if (seen != null) {
            if (seen == 1) {
                throw new InvalidTaskDefinitionException("containerDefinitions", "dependsOn forms a cycle through '" + name + "'");
            }
            return;
        }
        state.put(name, 1);
        List<ContainerDependency> dependsOn = byName.get(name).dependsOn();
        if (dependsOn != null) {
            for (ContainerDependency d : dependsOn) {
                visit(d.containerName(), byName, state);
            }
        }
        state.put(name, 2);
    }

    private static void placementConstraints(List<TaskDefinitionSpec.PlacementConstraintSpec> constraints) {
        if (constraints == null) {
            return;
        }
        if (constraints.size() > MAX_CONSTRAINTS) {
            throw new InvalidTaskDefinitionException("placementConstraints", "at most " + MAX_CONSTRAINTS + ", got "
                    + constraints.size());
        }
        for (int i = 0; i < constraints.size(); i++) {
            String at = "placementConstraints[" + i + "]";
            TaskDefinitionSpec.PlacementConstraintSpec constraint = constraints.get(i);
            if (constraint == null || !"memberOf".equals(constraint.type())) {
                throw new InvalidTaskDefinitionException(at + ".type", "task definitions take memberOf constraints only");
            }
            try {
                ClusterQuery.parse(constraint.expression());
            } catch (QuerySyntaxException e) {
                throw new InvalidTaskDefinitionException(at + ".expression", e.getMessage());
            }
        }
    }

    private static void compatibilities(List<String> requires) {
        if (requires == null) {
            return;
        }
        for (int i = 0; i < requires.size(); i++) {
            if (!COMPATIBILITIES.contains(requires.get(i))) {
                throw new InvalidTaskDefinitionException("requiresCompatibilities[" + i + "]", "'" + requires.get(i)
                        + "' is not offered; Berth runs tasks on its own hosts: EC2 or EXTERNAL");
            }
        }
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidTaskDefinitionException(field, "between " + min + " and " + max + ", got " + value);
        }
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidTaskDefinitionException(field, "is required");
        }
        if (!NAME.matcher(value).matches()) {
            throw new InvalidTaskDefinitionException(field, "'" + value
                    + "' may hold up to 255 letters, digits, hyphens and underscores");
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
