package dev.berth.scheduler.clusters;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec;
import dev.berth.scheduler.taskdefinitions.TaskDefinitionSpec.ContainerDefinition;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's task may use the host's network, a privileged container or added Linux
 * capabilities only in a cluster where a platform operator allowed it: any of them gives the
 * container the host (and with it every other tenant's containers on it). Checked whenever a task
 * definition is run or placed in a cluster.
 */
public final class ElevatedAccessCheck {

    private ElevatedAccessCheck() {
    }

    /** The field that asks for what the cluster does not allow, and why; empty when all is allowed. */
    public static Optional<String> refusal(TaskDefinitionSpec spec, ClusterSecuritySettings allowed) {
        if ("host".equals(spec.networkMode()) && !allowed.allowHostNetwork()) {
            return Optional.of("networkMode: host networking is not allowed in this cluster");
        }
        List<ContainerDefinition> containers = spec.containerDefinitions() == null ? List.of() : spec.containerDefinitions();
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            if (c == null || allowed.allowPrivilegedContainers()) {
                continue;
            }
            if (Boolean.TRUE.equals(c.privileged())) {
                return Optional.of("containerDefinitions[" + i + "].privileged: privileged containers are not allowed "
                        + "in this cluster");
            }
            List<String> added = c.linuxParameters() == null || c.linuxParameters().capabilities() == null ? null
                    : c.linuxParameters().capabilities().add();
            if (added != null && !added.isEmpty()) {
                return Optional.of("containerDefinitions[" + i + "].linuxParameters.capabilities.add: added "
                        + "capabilities " + added + " are not allowed in this cluster");
            }
        }
        return Optional.empty();
    }

    /** @throws InvalidInputException 400 ClientException naming the field, unless the cluster allows all the task asks */
    public static void require(TaskDefinitionSpec spec, Cluster cluster) {
        refusal(spec, cluster.securitySettings()).ifPresent(problem -> {
            throw InvalidInputException.fromMessage(ErrorCode.CLIENT, problem.replace("this cluster", "cluster " + cluster.name())
                    + "; a platform operator may allow it in the cluster's security settings");
        });
    }
}
