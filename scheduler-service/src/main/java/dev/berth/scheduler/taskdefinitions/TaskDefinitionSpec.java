package dev.berth.scheduler.taskdefinitions;

import java.util.List;
import java.util.Map;

/**
 * The parts of an ECS task definition that Berth reads, as ECS's JSON names them; anything else in
 * the document is kept as it came. Numbers the user may leave out are boxed.
 */
public record TaskDefinitionSpec(String family, List<ContainerDefinition> containerDefinitions, String cpu,
                                 String memory, String networkMode, List<PlacementConstraintSpec> placementConstraints,
                                 String taskRoleArn, String executionRoleArn, List<String> requiresCompatibilities) {

    public record ContainerDefinition(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
                                      List<PortMapping> portMappings, Boolean essential, List<KeyValue> environment,
                                      List<String> command, List<String> entryPoint, String workingDirectory,
                                      List<ContainerDependency> dependsOn, HealthCheck healthCheck,
                                      LogConfiguration logConfiguration, Integer stopTimeout, Boolean privileged,
                                      LinuxParameters linuxParameters) {

        /** ECS: a container is essential unless it says otherwise. */
        public boolean isEssential() {
            return essential == null || essential;
        }
    }

    /** ECS's linuxParameters; Berth reads the capabilities. */
    public record LinuxParameters(KernelCapabilities capabilities) {
    }

    public record KernelCapabilities(List<String> add, List<String> drop) {
    }

    public record PortMapping(Integer containerPort, Integer hostPort, String protocol) {
    }

    public record KeyValue(String name, String value) {
    }

    public record ContainerDependency(String containerName, String condition) {
    }

    public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries,
                              Integer startPeriod) {
    }

    public record LogConfiguration(String logDriver, Map<String, String> options) {
    }

    public record PlacementConstraintSpec(String type, String expression) {
    }
}
