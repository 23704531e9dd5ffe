package dev.berth.scheduler.placement;

/** Does the task fit in what the host has left: cpu units, memory, host ports. */
final class ResourceChecks {

    /** ECS's dynamic host port range on Linux. */
    static final int DYNAMIC_FIRST = 49153;
    static final int DYNAMIC_LAST = 65535;

    private ResourceChecks() {
    }

    private static int keepAtLeast(int[] left, int need, int[] candidates, int count) {
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int host = candidates[k];
            if (left[host] >= need) {
                candidates[kept++] = host;
            }
        }
        return kept;
    }

    static final class Cpu implements FeasibilityCheck {
        @Override
        public int keep(ClusterState cluster, TaskDemand demand, int[] candidates, int count) {
            return keepAtLeast(cluster.remainingCpu(), demand.cpu(), candidates, count);
        }

        @Override
        public Rejection why(ClusterState cluster, int host, TaskDemand demand) {
            int left = cluster.remainingCpu()[host];
            return demand.cpu() <= left ? null : new Rejection(cluster.instanceId(host), "RESOURCE:CPU",
                    "needs " + demand.cpu() + " cpu units, " + left + " left");
        }
    }

    static final class Memory implements FeasibilityCheck {
        @Override
        public int keep(ClusterState cluster, TaskDemand demand, int[] candidates, int count) {
            return keepAtLeast(cluster.remainingMemory(), demand.memory(), candidates, count);
        }

        @Override
        public Rejection why(ClusterState cluster, int host, TaskDemand demand) {
            int left = cluster.remainingMemory()[host];
            return demand.memory() <= left ? null : new Rejection(cluster.instanceId(host), "RESOURCE:MEMORY",
                    "needs " + demand.memory() + " MiB, " + left + " MiB left");
        }
    }

    static final class Ports implements FeasibilityCheck {
        @Override
        public int keep(ClusterState cluster, TaskDemand demand, int[] candidates, int count) {
            if (demand.ports().isEmpty()) {
                return count;
            }
            int kept = 0;
            for (int k = 0; k < count; k++) {
                if (why(cluster, candidates[k], demand) == null) {
                    candidates[kept++] = candidates[k];
                }
            }
            return kept;
        }

        @Override
        public Rejection why(ClusterState cluster, int host, TaskDemand demand) {
            int dynamic = 0;
            for (TaskDemand.PortDemand port : demand.ports()) {
                if (port.dynamic()) {
                    dynamic++;
                } else if (!cluster.portFree(host, port.key(port.hostPort()))) {
                    return new Rejection(cluster.instanceId(host), "RESOURCE:PORTS",
                            "host port " + port.key(port.hostPort()) + " is taken");
                }
            }
            if (dynamic > 0 && PortAssigner.assign(cluster, host, demand).isEmpty()) {
                return new Rejection(cluster.instanceId(host), "RESOURCE:PORTS",
                        "no " + dynamic + " free port(s) in " + DYNAMIC_FIRST + "-" + DYNAMIC_LAST);
            }
            return null;
        }
    }
}
