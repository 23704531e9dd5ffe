package dev.berth.autoscaler.ecsmetrics;

import java.util.List;

/** ECS's task statuses in lifecycle order (botocore ecs service-2.json, Task.lastStatus). */
public final class TaskLifecycle {

    public static final String RUNNING = "RUNNING";
    private static final List<String> ORDER = List.of("PROVISIONING", "PENDING", "ACTIVATING", RUNNING, "DEACTIVATING",
            "STOPPING", "DEPROVISIONING", "STOPPED");

    private TaskLifecycle() {
    }

    /** -1 before RUNNING, 0 RUNNING, 1 after; unknown statuses count as before. */
    public static int comparedToRunning(String status) {
        int index = ORDER.indexOf(status);
        return index < 0 ? -1 : Integer.compare(index, ORDER.indexOf(RUNNING));
    }

    public static boolean isPending(String status) {
        return comparedToRunning(status) < 0 && ORDER.contains(status);
    }
}
