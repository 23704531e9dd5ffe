package dev.berth.scheduler.placement;

/** Does the task fit in what the host has left: cpu units, memory, host ports. */
final class ResourceChecks {

    private ResourceChecks() {
    }

    /** Cpu units and memory, in one pass: most hosts are kept or dropped for these two. */
    static final class CpuAndMemory implements FeasibilityCheck {
        @Override
        public int keep(ClusterState cluster, TaskDemand demand, int[] candidates, int count) {
            int[] cpu = cluster.remainingCpu();
            int[] memory = cluster.remainingMemory();
            int kept = 0;
            for (int k = 0; k < count; k++) {
                int host = candidates[k];
                if (cpu[host] >= demand.cpu() && memory[host] >= demand.memory()) {
                    candidates[kept++] = host;
                }
            }
            return kept;
        }

        /** The first check of every plan: one pass over the cluster instead of filling the array first. */
        @Override
        public int keepFromAll(ClusterState cluster, TaskDemand demand, int[] candidates) {
            int[] cpu = cluster.remainingCpu();
            int[] memory = cluster.remainingMemory();
            int kept = 0;
            for (int host = 0; host < cpu.length; host++) {
                if (cpu[host] >= demand.cpu() && memory[host] >= demand.memory()) {
                    candidates[kept++] = host;
                }
            }
            return kept;
        }

        @Override
        public Rejection why(ClusterState cluster, int host, TaskDemand demand) {
            int cpu = cluster.remainingCpu()[host];
            int memory = cluster.remainingMemory()[host];
            if (demand.cpu() > cpu) {
                return new Rejection(cluster.instanceId(host), "RESOURCE:CPU", "needs " + demand.cpu() + " cpu units, " + cpu + " left");
            }
            return demand.memory() <= memory ? null : new Rejection(cluster.instanceId(host), "RESOURCE:MEMORY",
                    "needs " + demand.memory() + " MiB, " + memory + " MiB left");
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
                        "no " + dynamic + " free port(s) in " + cluster.snapshot(host).dynamicPortFirst() + "-"
                                + cluster.snapshot(host).dynamicPortLast());
            }
            return null;
        }
    }
}
