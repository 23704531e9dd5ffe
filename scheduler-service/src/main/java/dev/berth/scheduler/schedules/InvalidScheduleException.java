package dev.berth.scheduler.schedules;

import dev.berth.common.error.InvalidInputException;

/** A schedule expression EventBridge would refuse: 400 naming {@code scheduleExpression}, saying why. */
public class InvalidScheduleException extends InvalidInputException {

    public InvalidScheduleException(String expression, String problem) {
        super("scheduleExpression", "'" + expression + "' " + problem);
    }
}
