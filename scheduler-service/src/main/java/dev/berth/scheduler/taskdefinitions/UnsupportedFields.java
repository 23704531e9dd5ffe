package dev.berth.scheduler.taskdefinitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.ContainerDefinition;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.LinuxParameters;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.PortMapping;
import java.util.List;

/**
 * The fields of ECS's RegisterTaskDefinition that Berth does not implement and that would change
 * what the container does (its storage, its network, its limits, its secrets): set, they are
 * refused by name rather than ignored. Left out, empty, {@code false} or {@code null}, they are
 * accepted, as definitions written for ECS often carry them that way. README.md lists them.
 */
final class UnsupportedFields {

    private UnsupportedFields() {
    }

    static void refuse(TaskDefinitionSpec spec) {
        refuse(fields("volumes", (spec.volumes()), "pidMode", (spec.pidMode()),
                "ipcMode", (spec.ipcMode()), "proxyConfiguration", (spec.proxyConfiguration()),
                "inferenceAccelerators", (spec.inferenceAccelerators()),
                "enableFaultInjection", (spec.enableFaultInjection())), "");
        if (spec.runtimePlatform() != null && spec.runtimePlatform().operatingSystemFamily() != null
                && !"LINUX".equals(spec.runtimePlatform().operatingSystemFamily())) {
            throw new InvalidTaskDefinitionException("runtimePlatform.operatingSystemFamily", "Berth's hosts run LINUX, not "
                    + spec.runtimePlatform().operatingSystemFamily());
        }
        List<ContainerDefinition> containers = spec.containerDefinitions() == null ? List.of() : spec.containerDefinitions();
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            if (c == null) {
                continue;
            }
            String at = "containerDefinitions[" + i + "].";
            refuse(fields(field("repositoryCredentials", (c.repositoryCredentials())),
                    field("links", (c.links())), field("restartPolicy", restartPolicy(c.restartPolicy())),
                    field("environmentFiles", (c.environmentFiles())),
                    field("mountPoints", (c.mountPoints())), field("volumesFrom", (c.volumesFrom())),
                    field("secrets", (c.secrets())), field("disableNetworking", (c.disableNetworking())),
                    field("readonlyRootFilesystem", (c.readonlyRootFilesystem())),
                    field("dnsServers", (c.dnsServers())), field("dnsSearchDomains", (c.dnsSearchDomains())),
                    field("extraHosts", (c.extraHosts())),
                    field("dockerSecurityOptions", (c.dockerSecurityOptions())),
                    field("ulimits", (c.ulimits())), field("systemControls", (c.systemControls())),
                    field("resourceRequirements", (c.resourceRequirements())),
                    field("firelensConfiguration", (c.firelensConfiguration())),
                    field("credentialSpecs", (c.credentialSpecs()))), at);
            LinuxParameters linux = c.linuxParameters();
            if (linux != null) {
                refuse(fields("devices", (linux.devices()), "initProcessEnabled", (linux.initProcessEnabled()),
                        "sharedMemorySize", (linux.sharedMemorySize()), "tmpfs", (linux.tmpfs()),
                        "maxSwap", (linux.maxSwap()), "swappiness", (linux.swappiness())),
                        at + "linuxParameters.");
            }
            if (c.logConfiguration() != null) {
                refuse(fields("secretOptions", (c.logConfiguration().secretOptions())), at + "logConfiguration.");
            }
            List<PortMapping> ports = c.portMappings() == null ? List.of() : c.portMappings();
            for (int p = 0; p < ports.size(); p++) {
                if (ports.get(p) != null) {
                    refuse(fields("containerPortRange", (ports.get(p).containerPortRange())),
                            at + "portMappings[" + p + "].");
                }
            }
        }
    }

    private record Field(String name, JsonNode value) {
    }

    private static Field field(String name, JsonNode value) {
        return new Field(name, value);
    }

    private static List<Field> fields(Field... fields) {
        return List.of(fields);
    }

    /** {@code fields("a", node, "b", node)} */
    private static List<Field> fields(Object... namesAndValues) {
        List<Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(new Field((String) namesAndValues[i], (JsonNode) namesAndValues[i + 1]));
        }
        return fields;
    }

    private static void refuse(List<Field> fields, String prefix) {
        for (Field field : fields) {
            if (isSet(field.value())) {
                throw new InvalidTaskDefinitionException(prefix + field.name(), "not supported by Berth; leave it out");
            }
        }
    }

    /** ECS's restartPolicy is set when it is enabled. */
    private static JsonNode restartPolicy(JsonNode policy) {
        return policy != null && policy.isObject() && !policy.path("enabled").asBoolean(false) ? null : policy;
    }

    private static boolean isSet(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isContainerNode()) {
            return !node.isEmpty();
        }
        return !node.isTextual() || !node.asText().isEmpty();
    }
}
