package dev.berth.agent.tasks;

import java.util.List;
import java.util.Optional;

/** A task as the agent runs it: its identity and its containers in definition order. */
public record TaskPlan(String taskArn, String taskId, String family, String group, String taskRoleArn,
                       List<ContainerPlan> containers) {

    public TaskPlan {
        containers = List.copyOf(containers);
    }

    public TaskPlan withContainers(List<ContainerPlan> changed) {
        return new TaskPlan(taskArn, taskId, family, group, taskRoleArn, changed);
    }

    public Optional<ContainerPlan> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Reserved cpu units of the whole task (the sum of its containers'). */
    public int cpu() {
        return containers.stream().mapToInt(ContainerPlan::cpu).sum();
    }

    /** Reserved memory in MiB (hard limit where given, else the soft one). */
    public int memory() {
        return containers.stream().mapToInt(ContainerPlan::memory).sum();
    }
}
