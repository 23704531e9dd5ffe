package dev.berth.common.schedule;

import dev.berth.common.error.InvalidInputException;

/** A schedule expression AWS would refuse: 400 naming the caller's field, saying why. */
public class InvalidScheduleException extends InvalidInputException {

    public InvalidScheduleException(ScheduleSyntax syntax, String expression, String problem) {
        super(syntax.expressionField(), "'" + expression + "' " + problem);
    }
}
