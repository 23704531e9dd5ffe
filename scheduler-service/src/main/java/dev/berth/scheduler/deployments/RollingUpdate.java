package dev.berth.scheduler.deployments;

/**
 * One round of a rolling deployment, as ECS's service scheduler takes it: which tasks to stop and
 * how many new ones to start now, given what runs. Old tasks that are not yet healthy go first
 * (they count for nothing); healthy old tasks are stopped only down to the lower bound; new tasks
 * are started only up to the upper bound, counting the room the stops free. A round that can do
 * nothing while the deployment is unfinished is {@code blocked} (e.g. one task with 100/100).
 */
public final class RollingUpdate {

    /** What runs now: tasks of the old deployments and of the new one, healthy (RUNNING) or not yet (PENDING). */
    public record Fleet(int oldRunning, int oldPending, int newRunning, int newPending) {
        int total() {
            return oldRunning + oldPending + newRunning + newPending;
        }
    }

    /** What to do this round. */
    public record Step(int stopOldPending, int stopOldRunning, int startNew, int stopNewPending, int stopNewRunning,
                       boolean complete, boolean blocked) {
    }

    private RollingUpdate() {
    }

    public static Step next(int desiredCount, DeploymentConfiguration bounds, Fleet fleet) {
        if (desiredCount < 0) {
            throw new IllegalArgumentException("desiredCount: must not be negative, got " + desiredCount);
        }
        int lower = bounds.lowerBound(desiredCount);
        int upper = bounds.upperBound(desiredCount);
        int oldTotal = fleet.oldRunning() + fleet.oldPending();
        int newTotal = fleet.newRunning() + fleet.newPending();
        if (oldTotal == 0 && fleet.newRunning() == desiredCount && fleet.newPending() == 0) {
            return new Step(0, 0, 0, 0, 0, true, false);
        }
        // more new tasks than wanted (the desired count went down): the ones not yet healthy first
        int surplus = Math.max(0, newTotal - desiredCount);
        int stopNewPending = Math.min(surplus, fleet.newPending());
        int stopNewRunning = Math.min(surplus - stopNewPending,
                Math.max(0, fleet.newRunning() + fleet.oldRunning() - lower));

        int healthy = fleet.oldRunning() + fleet.newRunning() - stopNewRunning;
        int stopOldPending = fleet.oldPending();
        int stopOldRunning = Math.min(fleet.oldRunning(), Math.max(0, healthy - lower));
        int remaining = fleet.total() - stopOldPending - stopOldRunning - stopNewPending - stopNewRunning;
        int startNew = Math.max(0, Math.min(desiredCount - (newTotal - stopNewPending - stopNewRunning), upper - remaining));

        boolean idle = stopOldPending + stopOldRunning + startNew + stopNewPending + stopNewRunning == 0;
        boolean waitingForHealth = fleet.newPending() > 0;
        return new Step(stopOldPending, stopOldRunning, startNew, stopNewPending, stopNewRunning, false,
                idle && !waitingForHealth);
    }

    /**
     * A round of a deployment that the circuit breaker failed with nothing left to roll back to:
     * nothing new starts (ECS "stops launching new tasks") and what runs keeps running; only what
     * exceeds the desired count is stopped (the desired count went down), tasks not yet healthy first.
     */
    public static Step halted(int desiredCount, Fleet fleet) {
        if (desiredCount < 0) {
            throw new IllegalArgumentException("desiredCount: must not be negative, got " + desiredCount);
        }
        int surplus = Math.max(0, fleet.total() - desiredCount);
        int stopOldPending = Math.min(surplus, fleet.oldPending());
        surplus -= stopOldPending;
        int stopNewPending = Math.min(surplus, fleet.newPending());
        surplus -= stopNewPending;
        int stopOldRunning = Math.min(surplus, fleet.oldRunning());
        surplus -= stopOldRunning;
        int stopNewRunning = Math.min(surplus, fleet.newRunning());
        boolean idle = stopOldPending + stopNewPending + stopOldRunning + stopNewRunning == 0;
        return new Step(stopOldPending, stopOldRunning, 0, stopNewPending, stopNewRunning, false, idle);
    }
}
