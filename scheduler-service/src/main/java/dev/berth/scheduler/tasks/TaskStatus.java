package dev.berth.scheduler.tasks;

/** ECS's task lifecycle, in the order a task passes through it; a task never moves backwards. */
public enum TaskStatus {
    PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED;

    public boolean isAfter(TaskStatus other) {
        return ordinal() > other.ordinal();
    }

    /** Not yet RUNNING: what ECS counts as pending. */
    public boolean isPending() {
        return ordinal() < RUNNING.ordinal();
    }

    public static boolean known(String name) {
        for (TaskStatus status : values()) {
            if (status.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
