package dev.berth.scheduler.hosts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A host as ECS's DescribeContainerInstances shows a container instance, with Berth's host id and hostname. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerInstanceView(String containerInstanceArn, String hostId, String hostname, HostStatus status,
                                   boolean agentConnected, VersionInfo versionInfo, List<Resource> registeredResources,
                                   List<Resource> remainingResources, int runningTasksCount, int pendingTasksCount,
                                   List<Attribute> attributes, Instant registeredAt, Instant lastHeartbeatAt) {

    public record VersionInfo(String agentVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(String name, String type, Integer integerValue, List<String> stringSetValue) {
        static Resource integer(String name, int value) {
            return new Resource(name, "INTEGER", value, null);
        }

        static Resource ports(String name, List<String> ports, String protocol) {
            return new Resource(name, "STRINGSET", null,
                    ports.stream().filter(p -> p.startsWith(protocol + "/")).map(p -> p.substring(protocol.length() + 1))
                            .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).toList());
        }
    }

    /** ECS's attribute; an attribute without value has none. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Attribute(String name, String value) {
    }

    public static ContainerInstanceView of(Host host) {
        List<Attribute> attributes = new ArrayList<>();
        for (Map.Entry<String, String> e : host.attributes().entrySet()) {
            attributes.add(new Attribute(e.getKey(), e.getValue()));
        }
        attributes.sort((a, b) -> a.name().compareTo(b.name()));
        // what tasks use and what else is bound on the host's machine: neither is given out
        Set<String> union = new LinkedHashSet<>(host.usedPorts());
        union.addAll(host.boundPorts());
        List<String> taken = List.copyOf(union);
        return new ContainerInstanceView(host.arn(), host.id(), host.hostname(), host.status(), host.agentConnected(),
                new VersionInfo(host.agentVersion()),
                List.of(Resource.integer("CPU", host.cpu()), Resource.integer("MEMORY", host.memory()),
                        Resource.ports("PORTS", host.reservedPorts(), "tcp"),
                        Resource.ports("PORTS_UDP", host.reservedPorts(), "udp")),
                List.of(Resource.integer("CPU", host.cpu() - host.usedCpu()),
                        Resource.integer("MEMORY", host.memory() - host.usedMemory()),
                        Resource.ports("PORTS", taken, "tcp"),
                        Resource.ports("PORTS_UDP", taken, "udp")),
                host.runningTasks(), host.pendingTasks(), attributes, host.registeredAt(), host.lastHeartbeatAt());
    }
}
