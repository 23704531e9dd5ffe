package dev.berth.scheduler.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One reason a host can or cannot take a task; checks are small and run in ECS's order. */
interface FeasibilityCheck {

    Optional<Rejection> check(CandidateHost host, TaskDemand demand);

    /** Resources first, then the host's state, then the constraints, as ECS evaluates them. */
    static List<FeasibilityCheck> inEcsOrder(List<PlacementConstraint> constraints) {
        List<FeasibilityCheck> checks = new ArrayList<>(List.of(
                new ResourceChecks.Cpu(), new ResourceChecks.Memory(), new ResourceChecks.Ports(),
                new HostStateCheck()));
        for (PlacementConstraint constraint : constraints) {
            checks.add(new ConstraintCheck(constraint));
        }
        return checks;
    }
}
