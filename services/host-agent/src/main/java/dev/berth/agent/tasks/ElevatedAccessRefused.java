package dev.berth.agent.tasks;

import dev.berth.agent.engine.ContainerSpec;
import dev.berth.agent.protocol.AgentMessage;
import java.util.List;

/**
 * A task asks for more than its cluster allows: the host's network, a privileged container or
 * added Linux capabilities. The scheduler refuses such tasks already; the agent checks again
 * before it asks the engine, so a scheduler bug or a forged command cannot give a tenant's
 * container the host.
 */
public final class ElevatedAccessRefused extends RuntimeException {

    ElevatedAccessRefused(String message) {
        super(message, null, false, false);
    }

    static void check(List<ContainerPlan> containers, AgentMessage.ElevatedAccess allowed) {
        for (ContainerPlan container : containers) {
            ContainerSpec spec = container.spec();
            if (spec.networkMode().equals("host") && !allowed.hostNetwork()) {
                throw new ElevatedAccessRefused("networkMode: host networking is not allowed in this cluster");
            }
            if (spec.privileged() && !allowed.privilegedContainers()) {
                throw new ElevatedAccessRefused("container " + container.name()
                        + ": privileged containers are not allowed in this cluster");
            }
            if (!spec.addedCapabilities().isEmpty() && !allowed.privilegedContainers()) {
                throw new ElevatedAccessRefused("container " + container.name() + ": added capabilities "
                        + spec.addedCapabilities() + " are not allowed in this cluster");
            }
        }
    }
}
