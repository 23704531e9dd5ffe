package dev.berth.scheduler.placement;

import java.util.List;

/**
 * Place {@code count} tasks of one demand. {@code explain} records every host passed over and
 * why (the placement plan); without it the engine stops at a host's first failed check.
 */
public record PlacementRequest(TaskDemand demand, int count, List<PlacementConstraint> constraints,
                               List<PlacementStrategy> strategies, long seed, boolean explain) {

    public static final int MAX_STRATEGIES = 5;
    public static final int MAX_CONSTRAINTS = 10;

    public PlacementRequest {
        constraints = List.copyOf(constraints);
        strategies = List.copyOf(strategies);
        if (count < 1) {
            throw new IllegalArgumentException("count: at least 1 task");
        }
        if (strategies.size() > MAX_STRATEGIES) {
            throw new IllegalArgumentException("placementStrategy: at most " + MAX_STRATEGIES + " strategies, got "
                    + strategies.size());
        }
        if (constraints.size() > MAX_CONSTRAINTS) {
            throw new IllegalArgumentException("placementConstraints: at most " + MAX_CONSTRAINTS + " constraints, got "
                    + constraints.size());
        }
    }
}
