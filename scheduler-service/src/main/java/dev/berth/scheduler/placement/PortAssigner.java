package dev.berth.scheduler.placement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Host ports for a task on a host: the static ones as asked, dynamic ones the lowest free in the host's range. */
final class PortAssigner {

    private PortAssigner() {
    }

    /** The host ports in the order of the task's port demands, or empty when they do not fit. */
    static Optional<List<Integer>> assign(ClusterState cluster, int host, TaskDemand demand) {
        List<Integer> ports = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        HostSnapshot snapshot = cluster.snapshot(host);
        for (TaskDemand.PortDemand port : demand.ports()) {
            int chosen = port.hostPort();
            if (port.dynamic()) {
                int next = snapshot.dynamicPortFirst(); // per protocol: tcp/49153 and udp/49153 are different ports
                while (next <= snapshot.dynamicPortLast()
                        && (!cluster.portFree(host, port.key(next)) || taken.contains(port.key(next)))) {
                    next++;
                }
                if (next > snapshot.dynamicPortLast()) {
                    return Optional.empty();
                }
                chosen = next;
            } else if (!cluster.portFree(host, port.key(chosen)) || taken.contains(port.key(chosen))) {
                return Optional.empty();
            }
            taken.add(port.key(chosen));
            ports.add(chosen);
        }
        return Optional.of(ports);
    }

    static List<String> keys(TaskDemand demand, List<Integer> ports) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            keys.add(demand.ports().get(i).key(ports.get(i)));
        }
        return keys;
    }
}
