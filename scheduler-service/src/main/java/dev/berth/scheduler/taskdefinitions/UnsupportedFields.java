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

    private record Field(String name, JsonNode value) {
    }

    private UnsupportedFields() {
    }

    static void refuse(TaskDefinitionSpec spec) {
        refuse("", field("volumes", spec.volumes()), field("pidMode", spec.pidMode()), field("ipcMode", spec.ipcMode()),
                field("proxyConfiguration", spec.proxyConfiguration()),
                field("inferenceAccelerators", spec.inferenceAccelerators()),
                field("enableFaultInjection", spec.enableFaultInjection()));
        if (spec.runtimePlatform() != null && spec.runtimePlatform().operatingSystemFamily() != null
                && !"LINUX".equals(spec.runtimePlatform().operatingSystemFamily())) {
            throw new InvalidTaskDefinitionException("runtimePlatform.operatingSystemFamily", "Berth's hosts run LINUX, not "
                    + spec.runtimePlatform().operatingSystemFamily());
        }
        List<ContainerDefinition> containers = spec.containerDefinitions() == null ? List.of() : spec.containerDefinitions();
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            if (c != null) {
                container("containerDefinitions[" + i + "].", c);
            }
        }
    }

    private static void container(String at, ContainerDefinition c) {
        refuse(at, field("repositoryCredentials", c.repositoryCredentials()), field("links", c.links()),
                field("restartPolicy", enabled(c.restartPolicy())), field("environmentFiles", c.environmentFiles()),
                field("mountPoints", c.mountPoints()), field("volumesFrom", c.volumesFrom()),
                field("secrets", c.secrets()), field("disableNetworking", c.disableNetworking()),
                field("readonlyRootFilesystem", c.readonlyRootFilesystem()), field("dnsServers", c.dnsServers()),
                field("dnsSearchDomains", c.dnsSearchDomains()), field("extraHosts", c.extraHosts()),
                field("dockerSecurityOptions", c.dockerSecurityOptions()), field("ulimits", c.ulimits()),
                field("systemControls", c.systemControls()), field("resourceRequirements", c.resourceRequirements()),
                field("firelensConfiguration", c.firelensConfiguration()), field("credentialSpecs", c.credentialSpecs()));
        LinuxParameters linux = c.linuxParameters();
        if (linux != null) {
            refuse(at + "linuxParameters.", field("devices", linux.devices()),
                    field("initProcessEnabled", linux.initProcessEnabled()),
                    field("sharedMemorySize", linux.sharedMemorySize()), field("tmpfs", linux.tmpfs()),
                    field("maxSwap", linux.maxSwap()), field("swappiness", linux.swappiness()));
        }
        if (c.logConfiguration() != null) {
            refuse(at + "logConfiguration.", field("secretOptions", c.logConfiguration().secretOptions()));
        }
        List<PortMapping> ports = c.portMappings() == null ? List.of() : c.portMappings();
        for (int p = 0; p < ports.size(); p++) {
            if (ports.get(p) != null) {
                refuse(at + "portMappings[" + p + "].", field("containerPortRange", ports.get(p).containerPortRange()));
            }
        }
    }

    private static Field field(String name, JsonNode value) {
        return new Field(name, value);
    }

    private static void refuse(String prefix, Field... fields) {
        for (Field field : fields) {
            if (isSet(field.value())) {
                throw new InvalidTaskDefinitionException(prefix + field.name(), "not supported by Berth; leave it out");
            }
        }
    }

    /** ECS's restartPolicy counts as set when it is enabled. */
    private static JsonNode enabled(JsonNode policy) {
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
