package dev.berth.agent.tasks;

import dev.berth.agent.engine.ContainerSpec;
import java.time.Duration;
import java.util.List;

/**
 * One container of a task as the agent will run it: what the engine creates, and what the agent
 * itself looks after (start order, health check, logs, stop timeout).
 */
public record ContainerPlan(String name, boolean essential, List<Dependency> dependsOn, HealthCheck healthCheck,
                            LogDestination logs, Duration stopTimeout, int cpu, int memory, ContainerSpec spec) {

    public ContainerPlan {
        dependsOn = List.copyOf(dependsOn);
    }

    public ContainerPlan withSpec(ContainerSpec changed) {
        return new ContainerPlan(name, essential, dependsOn, healthCheck, logs, stopTimeout, cpu, memory, changed);
    }

    /** ECS's dependsOn: start this container once {@code containerName} reached {@code condition}. */
    public record Dependency(String containerName, Condition condition) {
    }

    public enum Condition {
        START, COMPLETE, SUCCESS, HEALTHY
    }

    /**
     * ECS's container health check: {@code command} runs inside the container every
     * {@code interval}; {@code retries} failures in a row make it UNHEALTHY, except during
     * {@code startPeriod}.
     */
    public record HealthCheck(List<String> command, Duration interval, Duration timeout, int retries,
                              Duration startPeriod) {
    }

    /** Where an awslogs container's output goes: log group and stream. */
    public record LogDestination(String group, String stream) {
    }
}
