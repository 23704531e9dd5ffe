package dev.berth.scheduler.schedules;

/** A schedule expression EventBridge would refuse; the message says why. */
public class InvalidScheduleException extends IllegalArgumentException {

    public InvalidScheduleException(String expression, String problem) {
        super("scheduleExpression: '" + expression + "' " + problem);
    }
}
