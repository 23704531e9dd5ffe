package dev.berth.scheduler.placement;

import java.util.Optional;

/** A placement constraint as a feasibility check. */
final class ConstraintCheck implements FeasibilityCheck {

    private final PlacementConstraint constraint;

    ConstraintCheck(PlacementConstraint constraint) {
        this.constraint = constraint;
    }

    @Override
    public Optional<Rejection> check(CandidateHost host, TaskDemand demand) {
        return switch (constraint) {
            case PlacementConstraint.DistinctInstance d -> host.tasksOfGroup(demand.group()) == 0 ? Optional.empty()
                    : Optional.of(new Rejection(host.instanceId(), "DistinctInstance",
                    "distinctInstance: already runs a task of " + demand.group()));
            case PlacementConstraint.MemberOf m -> m.expression().matches(host) ? Optional.empty()
                    : Optional.of(new Rejection(host.instanceId(), "MissingAttribute",
                    "does not match memberOf(" + m.expression() + ")"));
        };
    }
}
