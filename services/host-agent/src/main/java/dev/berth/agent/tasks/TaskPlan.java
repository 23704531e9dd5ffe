package dev.berth.agent.tasks;

import java.util.List;
import java.util.Optional;

/**
 * A task as the agent runs it: its identity, its containers in definition order, and its
 * task-level cpu units and memory MiB (0 where the definition gives none).
 */
public record TaskPlan(String taskArn, String taskId, String family, String group, String taskRoleArn,
                       List<ContainerPlan> containers, int taskCpu, int taskMemory) {

    private static final double MIB = 1024.0 * 1024.0;

    public TaskPlan {
        containers = List.copyOf(containers);
    }

    /** A task sized by its containers only. */
    public TaskPlan(String taskArn, String taskId, String family, String group, String taskRoleArn,
                    List<ContainerPlan> containers) {
        this(taskArn, taskId, family, group, taskRoleArn, containers, 0, 0);
    }

    public TaskPlan withContainers(List<ContainerPlan> changed) {
        return new TaskPlan(taskArn, taskId, family, group, taskRoleArn, changed, taskCpu, taskMemory);
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

    /** The cpu units ECS measures the task's utilization against: task-level cpu, else its containers'; 0: none. */
    public int utilizationCpu() {
        return taskCpu > 0 ? taskCpu : cpu();
    }

    /**
     * The MiB ECS measures the task's memory utilization against: task-level memory, else the sum
     * over its containers of the soft limit where one is given, else the hard one (AWS: "If you
     * specify a soft limit (memoryReservation), it's used to calculate the amount of reserved
     * memory. Otherwise, the hard limit (memory) is used",
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html); 0: none.
     */
    public double utilizationMemory() {
        return taskMemory > 0 ? taskMemory : containers.stream().mapToDouble(TaskPlan::utilizationMemory).sum();
    }

    /** A container's MiB for utilization: its soft limit where given, else its hard one; 0: none. */
    public static double utilizationMemory(ContainerPlan container) {
        long bytes = container.spec().memoryReservationBytes() > 0 ? container.spec().memoryReservationBytes()
                : container.spec().memoryBytes();
        return bytes / MIB;
    }
}
