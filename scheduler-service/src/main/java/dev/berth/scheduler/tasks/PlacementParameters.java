package dev.berth.scheduler.tasks;

import dev.berth.common.error.InvalidInputException;

import dev.berth.scheduler.placement.PlacementConstraint;
import dev.berth.scheduler.placement.PlacementRequest;
import dev.berth.scheduler.placement.PlacementStrategy;
import java.util.ArrayList;
import java.util.List;

/** ECS's placementConstraints and placementStrategy JSON, read into the engine's terms; errors name the field. */
public final class PlacementParameters {

    /** ECS's {@code {"type": "memberOf", "expression": "..."}}. */
    public record ConstraintSpec(String type, String expression) {
    }

    /** ECS's {@code {"type": "spread", "field": "attribute:ecs.availability-zone"}}. */
    public record StrategySpec(String type, String field) {
    }

    private PlacementParameters() {
    }

    public static List<PlacementConstraint> constraints(String field, List<ConstraintSpec> specs) {
        List<PlacementConstraint> constraints = new ArrayList<>();
        List<ConstraintSpec> given = specs == null ? List.of() : specs;
        if (given.size() > PlacementRequest.MAX_CONSTRAINTS) {
            throw new InvalidInputException(field, "at most " + PlacementRequest.MAX_CONSTRAINTS + " constraints, got "
                    + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            ConstraintSpec spec = given.get(i);
            constraints.add(PlacementConstraint.of(field + "[" + i + "]", spec.type(), spec.expression()));
        }
        return constraints;
    }

    public static List<PlacementStrategy> strategies(String field, List<StrategySpec> specs) {
        List<PlacementStrategy> strategies = new ArrayList<>();
        List<StrategySpec> given = specs == null ? List.of() : specs;
        if (given.size() > PlacementRequest.MAX_STRATEGIES) {
            throw new InvalidInputException(field, "at most " + PlacementRequest.MAX_STRATEGIES + " strategies, got "
                    + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            StrategySpec spec = given.get(i);
            strategies.add(PlacementStrategy.of(field + "[" + i + "]", spec.type(), spec.field()));
        }
        return strategies;
    }

}
