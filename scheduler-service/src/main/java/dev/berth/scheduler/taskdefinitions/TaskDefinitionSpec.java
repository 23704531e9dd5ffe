package dev.berth.scheduler.taskdefinitions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.scheduler.tags.Tag;
import java.util.List;
import java.util.Map;

/**
 * An ECS task definition as ECS's RegisterTaskDefinition JSON names its fields, every one of them:
 * a field ECS does not know is refused when the document is registered. The fields Berth runs
 * are typed; those it does not implement are kept as they came ({@link JsonNode}) for
 * {@link UnsupportedFields} to accept (when ignoring them changes nothing that matters) or refuse.
 * Numbers the user may leave out are boxed.
 */
public record TaskDefinitionSpec(String family, List<ContainerDefinition> containerDefinitions, String cpu,
                                 String memory, String networkMode, List<PlacementConstraintSpec> placementConstraints,
                                 String taskRoleArn, String executionRoleArn, List<String> requiresCompatibilities,
                                 List<Tag> tags, JsonNode volumes, JsonNode pidMode, JsonNode ipcMode,
                                 JsonNode proxyConfiguration, JsonNode inferenceAccelerators, JsonNode ephemeralStorage,
                                 RuntimePlatform runtimePlatform, JsonNode enableFaultInjection) {

    public record ContainerDefinition(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
                                      List<PortMapping> portMappings, Boolean essential, List<KeyValue> environment,
                                      List<String> command, List<String> entryPoint, String workingDirectory,
                                      List<ContainerDependency> dependsOn, HealthCheck healthCheck,
                                      LogConfiguration logConfiguration, Integer stopTimeout, Boolean privileged,
                                      LinuxParameters linuxParameters, String user, Map<String, String> dockerLabels,
                                      // accepted, not used
                                      Integer startTimeout, String hostname, Boolean interactive,
                                      Boolean pseudoTerminal, String versionConsistency,
                                      // refused when set (UnsupportedFields)
                                      JsonNode repositoryCredentials, JsonNode links, JsonNode restartPolicy,
                                      JsonNode environmentFiles, JsonNode mountPoints, JsonNode volumesFrom,
                                      JsonNode secrets, JsonNode disableNetworking, JsonNode readonlyRootFilesystem,
                                      JsonNode dnsServers, JsonNode dnsSearchDomains, JsonNode extraHosts,
                                      JsonNode dockerSecurityOptions, JsonNode ulimits, JsonNode systemControls,
                                      JsonNode resourceRequirements, JsonNode firelensConfiguration,
                                      JsonNode credentialSpecs) {

        /** ECS: a container is essential unless it says otherwise. */
        public boolean isEssential() {
            return essential == null || essential;
        }
    }

    /** ECS's linuxParameters; Berth runs the capabilities. */
    public record LinuxParameters(KernelCapabilities capabilities, JsonNode devices, JsonNode initProcessEnabled,
                                  JsonNode sharedMemorySize, JsonNode tmpfs, JsonNode maxSwap, JsonNode swappiness) {
    }

    public record KernelCapabilities(List<String> add, List<String> drop) {
    }

    /** {@code name} and {@code appProtocol} name the port for Service Connect, which Berth does not have: accepted. */
    public record PortMapping(Integer containerPort, Integer hostPort, String protocol, String name, String appProtocol,
                              JsonNode containerPortRange) {
    }

    public record KeyValue(String name, String value) {
    }

    public record ContainerDependency(String containerName, String condition) {
    }

    public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries,
                              Integer startPeriod) {
    }

    public record LogConfiguration(String logDriver, Map<String, String> options, JsonNode secretOptions) {
    }

    public record PlacementConstraintSpec(String type, String expression) {
    }

    /** ECS's runtimePlatform: Berth's hosts run Linux; the architecture is not used for placement. */
    public record RuntimePlatform(String cpuArchitecture, String operatingSystemFamily) {
    }
}
