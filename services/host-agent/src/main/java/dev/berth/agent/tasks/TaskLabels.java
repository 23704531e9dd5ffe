package dev.berth.agent.tasks;

/** Labels the agent puts on every container it creates, so a restarted agent finds its own. */
public final class TaskLabels {

    public static final String TENANT = "berth.tenant";
    public static final String CLUSTER = "berth.cluster";
    public static final String HOST_ID = "berth.host-id";
    public static final String TASK_ARN = "berth.task-arn";
    public static final String CONTAINER_NAME = "berth.container-name";
    public static final String TASK_FAMILY = "berth.task-family";

    private TaskLabels() {
    }
}
