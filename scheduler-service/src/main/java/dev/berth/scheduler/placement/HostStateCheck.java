package dev.berth.scheduler.placement;

import java.util.Optional;

/** Only ACTIVE hosts whose agent is connected take new tasks (a DRAINING host takes none). */
final class HostStateCheck implements FeasibilityCheck {

    @Override
    public Optional<Rejection> check(CandidateHost host, TaskDemand demand) {
        if (!host.snapshot().agentConnected()) {
            return Optional.of(new Rejection(host.instanceId(), "AGENT", "the host's agent is not connected"));
        }
        if (!host.snapshot().active()) {
            return Optional.of(new Rejection(host.instanceId(), "INACTIVE", "the host is not ACTIVE (draining or deregistered)"));
        }
        return Optional.empty();
    }
}
