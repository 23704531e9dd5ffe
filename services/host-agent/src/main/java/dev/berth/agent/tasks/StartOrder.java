package dev.berth.agent.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ECS's {@code dependsOn}: which containers may start now, given what the others have done, and
 * whether some container can never start (its dependency exited with the wrong code or went
 * unhealthy), which fails the task.
 */
public final class StartOrder {

    /** What the agent has seen a container do so far. */
    public record Progress(boolean started, Integer exitCode, String health) {
        public static final Progress NOT_STARTED = new Progress(false, null, null);

        public boolean exited() {
            return exitCode != null;
        }
    }

    private final List<ContainerPlan> containers;

    public StartOrder(List<ContainerPlan> containers) {
        this.containers = List.copyOf(containers);
    }

    /** The containers not started yet whose every dependency condition holds. */
    public List<String> startable(Map<String, Progress> progress) {
        List<String> ready = new ArrayList<>();
        for (ContainerPlan container : containers) {
            if (!progress.getOrDefault(container.name(), Progress.NOT_STARTED).started()
                    && container.dependsOn().stream().allMatch(d -> holds(d, progress))) {
                ready.add(container.name());
            }
        }
        return ready;
    }

    /** Why a container that has not started never will, if that is so. */
    public Optional<String> blocked(Map<String, Progress> progress) {
        for (ContainerPlan container : containers) {
            if (progress.getOrDefault(container.name(), Progress.NOT_STARTED).started()) {
                continue;
            }
            for (ContainerPlan.Dependency d : container.dependsOn()) {
                Progress dependency = progress.getOrDefault(d.containerName(), Progress.NOT_STARTED);
                boolean never = switch (d.condition()) {
                    case START, COMPLETE -> false;
                    case SUCCESS -> dependency.exited() && dependency.exitCode() != 0;
                    case HEALTHY -> dependency.exited() || "UNHEALTHY".equals(dependency.health());
                };
                if (never) {
                    return Optional.of("Container " + container.name() + " cannot start: its dependency "
                            + d.containerName() + " did not reach " + d.condition()
                            + (dependency.exited() ? " (exit code " + dependency.exitCode() + ")" : " (UNHEALTHY)"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean holds(ContainerPlan.Dependency dependency, Map<String, Progress> progress) {
        Progress p = progress.getOrDefault(dependency.containerName(), Progress.NOT_STARTED);
        return switch (dependency.condition()) {
            case START -> p.started();
            case COMPLETE -> p.exited();
            case SUCCESS -> p.exited() && p.exitCode() == 0;
            case HEALTHY -> p.started() && !p.exited() && "HEALTHY".equals(p.health());
        };
    }
}
