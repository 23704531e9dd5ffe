package dev.berth.scheduler.placement;

import java.util.Optional;

/** Does the task fit in what the host has left: cpu units, memory, host ports. */
final class ResourceChecks {

    /** ECS's dynamic host port range on Linux. */
    static final int DYNAMIC_FIRST = 49153;
    static final int DYNAMIC_LAST = 65535;

    private ResourceChecks() {
    }

    static final class Cpu implements FeasibilityCheck {
        @Override
        public Optional<Rejection> check(CandidateHost host, TaskDemand demand) {
            return demand.cpu() <= host.remainingCpu() ? Optional.empty()
                    : Optional.of(new Rejection(host.instanceId(), "RESOURCE:CPU",
                    "needs " + demand.cpu() + " cpu units, " + host.remainingCpu() + " left"));
        }
    }

    static final class Memory implements FeasibilityCheck {
        @Override
        public Optional<Rejection> check(CandidateHost host, TaskDemand demand) {
            return demand.memory() <= host.remainingMemory() ? Optional.empty()
                    : Optional.of(new Rejection(host.instanceId(), "RESOURCE:MEMORY",
                    "needs " + demand.memory() + " MiB, " + host.remainingMemory() + " MiB left"));
        }
    }

    static final class Ports implements FeasibilityCheck {
        @Override
        public Optional<Rejection> check(CandidateHost host, TaskDemand demand) {
            int dynamic = 0;
            for (TaskDemand.PortDemand port : demand.ports()) {
                if (port.dynamic()) {
                    dynamic++;
                } else if (!host.portFree(port.key(port.hostPort()))) {
                    return Optional.of(new Rejection(host.instanceId(), "RESOURCE:PORTS",
                            "host port " + port.key(port.hostPort()) + " is taken"));
                }
            }
            if (dynamic > 0 && PortAssigner.assign(host, demand).isEmpty()) {
                return Optional.of(new Rejection(host.instanceId(), "RESOURCE:PORTS",
                        "no " + dynamic + " free port(s) in " + DYNAMIC_FIRST + "-" + DYNAMIC_LAST));
            }
            return Optional.empty();
        }
    }
}
