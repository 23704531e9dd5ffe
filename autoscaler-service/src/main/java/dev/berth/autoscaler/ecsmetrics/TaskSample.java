package dev.berth.autoscaler.ecsmetrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One measurement of a task as its host's agent sends it (Container Insights' raw values).
 *
 * @param serviceName          the service the task belongs to; null for a standalone task
 * @param taskDefinitionFamily the family of the task's definition
 * @param at                   when the agent measured
 * @param cpuUtilized          cpu units in use (1024 a core)
 * @param cpuReserved          cpu units the task reserves (the agent counts one core, 1024, for a task with none)
 * @param memoryUtilized       MiB in use
 * @param memoryReserved       MiB the task reserves (0 when it reserves none)
 */
public record TaskSample(String clusterName, String serviceName, String taskId, String taskDefinitionFamily,
                         Instant at, double cpuUtilized, double cpuReserved, double memoryUtilized,
                         double memoryReserved) {

    public TaskSample {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskDefinitionFamily, "taskDefinitionFamily");
        Objects.requireNonNull(at, "at");
        for (double value : new double[] {cpuUtilized, cpuReserved, memoryUtilized, memoryReserved}) {
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("a task sample's values are finite and not negative: " + value);
            }
        }
    }
}
