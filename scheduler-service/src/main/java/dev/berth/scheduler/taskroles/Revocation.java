package dev.berth.scheduler.taskroles;

/** Credentials the gateway must take away: a stopped task's ({@code subjectId} = task id) or a deregistered host's. */
public record Revocation(Kind kind, String tenant, String subjectId, int attempts) {

    public enum Kind {
        TASK_CREDENTIALS,
        HOST_CREDENTIALS
    }
}
