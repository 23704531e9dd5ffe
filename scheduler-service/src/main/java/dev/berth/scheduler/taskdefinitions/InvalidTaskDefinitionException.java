package dev.berth.scheduler.taskdefinitions;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;

/**
 * A task definition ECS would refuse: 400 ClientException, as ECS answers, with the message
 * starting with the field, e.g. {@code containerDefinitions[1].memory}.
 */
public class InvalidTaskDefinitionException extends InvalidInputException {

    public InvalidTaskDefinitionException(String field, String problem) {
        super(ErrorCode.CLIENT, field, problem);
    }

    /** A message that starts with the field already (or "body: " when there is none). */
    public InvalidTaskDefinitionException(String message) {
        super(ErrorCode.CLIENT, InvalidInputException.fieldOf(message), problemOf(message));
    }

    private static String problemOf(String message) {
        String field = InvalidInputException.fieldOf(message);
        return field == null ? message : message.substring(field.length() + 2);
    }
}
