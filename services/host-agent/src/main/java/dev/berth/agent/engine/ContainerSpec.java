package dev.berth.agent.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the container engine is asked to create. Memory in bytes, cpu as relative shares plus an
 * optional hard limit in nano-cpus (0: none).
 *
 * @param image         the image reference the container runs; replaced by the pinned digest before creation
 * @param portBindings  container port to host port, as the scheduler assigned them
 * @param networkMode   bridge, host or none
 * @param privileged    ECS's {@code privileged}: only where the cluster allows it
 * @param addedCapabilities ECS's {@code linuxParameters.capabilities.add}, e.g. NET_ADMIN: only where the cluster
 *                      allows privileged containers
 */
public record ContainerSpec(String containerName, String image, List<String> entryPoint, List<String> command,
                            Map<String, String> environment, String workingDirectory, Map<String, String> labels,
                            int cpuShares, long nanoCpus, long memoryBytes, long memoryReservationBytes,
                            List<PortBinding> portBindings, String networkMode, String user, boolean privileged,
                            List<String> addedCapabilities) {

    public ContainerSpec {
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        command = command == null ? null : List.copyOf(command);
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
        portBindings = List.copyOf(portBindings);
        addedCapabilities = addedCapabilities == null ? List.of() : List.copyOf(addedCapabilities);
    }

    public record PortBinding(int containerPort, int hostPort, String protocol) {
    }

    public ContainerSpec withImage(String pinned) {
        return new ContainerSpec(containerName, pinned, entryPoint, command, environment, workingDirectory, labels,
                cpuShares, nanoCpus, memoryBytes, memoryReservationBytes, portBindings, networkMode, user, privileged,
                addedCapabilities);
    }

    public ContainerSpec withEnvironment(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new ContainerSpec(containerName, image, entryPoint, command, env, workingDirectory, labels,
                cpuShares, nanoCpus, memoryBytes, memoryReservationBytes, portBindings, networkMode, user, privileged,
                addedCapabilities);
    }
}
