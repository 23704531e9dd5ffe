package dev.berth.scheduler.placement;

import java.util.List;

/**
 * What one task needs from a host: cpu units, memory in MiB, host ports ({@code hostPort} 0 means
 * any free port from the dynamic range) and the group it belongs to, which distinctInstance,
 * spread and {@code task:group} look at.
 */
public record TaskDemand(int cpu, int memory, List<PortDemand> ports, String group) {

    public record PortDemand(int hostPort, String protocol) {
        public boolean dynamic() {
            return hostPort == 0;
        }

        String key(int port) {
            return protocol + "/" + port;
        }
    }

    public TaskDemand {
        ports = List.copyOf(ports);
    }
}
