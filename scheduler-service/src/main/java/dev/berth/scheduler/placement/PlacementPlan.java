package dev.berth.scheduler.placement;

import java.util.List;

/**
 * Where each task goes. {@code failures} holds, once a task finds no host, each host's reason
 * (ECS's {@code failures[]}); the tasks after it are not placed either. {@code missingAttributes}:
 * the attributes a strategy or constraint names that no host has.
 */
public record PlacementPlan(List<TaskPlacement> placements, int unplaced, List<Rejection> failures,
                            List<MissingAttribute> missingAttributes) {

    /** One task's host and host ports, and (when explained) every host passed over and why. */
    public record TaskPlacement(int task, String instanceId, List<Integer> hostPorts, List<Rejection> passedOver) {
    }

    public boolean complete() {
        return unplaced == 0;
    }
}
