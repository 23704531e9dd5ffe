package dev.berth.agent.host;

import dev.berth.agent.protocol.AgentMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the host offers to placement, detected as the ECS agent does and overridable: cpu units
 * (1024 per core), memory in MiB (total less what is kept for the system), the ports the host
 * keeps for itself, and attributes (availability zone, instance type, os type, custom ones).
 */
public final class HostResources {

    /** ECS agent's default reserved ports (ssh, docker, the agent's own). */
    public static final List<Integer> RESERVED_PORTS = List.of(22, 2375, 2376, 51678, 51679);

    private HostResources() {
    }

    public static AgentMessage.Capacity capacity(Integer cpuOverride, Integer memoryOverride, int reservedMemoryMiB,
                                                 List<Integer> extraReservedPorts, AgentMessage.PortRange dynamicPorts) {
        int cpu = cpuOverride != null ? cpuOverride : Runtime.getRuntime().availableProcessors() * 1024;
        int memory = memoryOverride != null ? memoryOverride
                : (int) Math.max(0, totalMemoryMiB(Path.of("/proc/meminfo")).orElse(1024L) - reservedMemoryMiB);
        List<Integer> ports = new ArrayList<>(RESERVED_PORTS);
        extraReservedPorts.stream().filter(p -> !ports.contains(p)).forEach(ports::add);
        return new AgentMessage.Capacity(cpu, memory, ports, List.of(), dynamicPorts);
    }

    /** Detected attributes, then the configured ones on top. */
    public static Map<String, String> attributes(String zone, String instanceType, Map<String, String> custom) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("berth.availability-zone", zone);
        attributes.put("berth.instance-type", instanceType != null ? instanceType
                : "local." + Runtime.getRuntime().availableProcessors() + "cpu");
        attributes.put("berth.os-type", System.getProperty("os.name").toLowerCase(Locale.ROOT));
        attributes.put("berth.cpu-architecture", System.getProperty("os.arch"));
        attributes.putAll(custom);
        return attributes;
    }

    /** MemTotal of /proc/meminfo in MiB. */
    static Optional<Long> totalMemoryMiB(Path meminfo) {
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or unreadable: the caller's default
        }
        return Optional.empty();
    }
}
