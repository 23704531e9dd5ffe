package dev.berth.scheduler.placement;

/** Only ACTIVE hosts whose agent is connected take new tasks (a DRAINING host takes none). */
final class HostStateCheck implements FeasibilityCheck {

    @Override
    public int keep(ClusterState cluster, TaskDemand demand, int[] candidates, int count) {
        boolean[] takesTasks = cluster.takesTasks();
        int kept = 0;
        for (int k = 0; k < count; k++) {
            if (takesTasks[candidates[k]]) {
                candidates[kept++] = candidates[k];
            }
        }
        return kept;
    }

    @Override
    public Rejection why(ClusterState cluster, int host, TaskDemand demand) {
        HostSnapshot snapshot = cluster.snapshot(host);
        if (!snapshot.agentConnected()) {
            return new Rejection(snapshot.instanceId(), "AGENT", "the host's agent is not connected");
        }
        if (!snapshot.active()) {
            return new Rejection(snapshot.instanceId(), "INACTIVE", "the host is not ACTIVE (draining or deregistered)");
        }
        return null;
    }
}
