package dev.berth.scheduler.taskdefinitions;

/** A task definition ECS would refuse; the message starts with the field, e.g. {@code containerDefinitions[1].memory}. */
public class InvalidTaskDefinitionException extends IllegalArgumentException {

    public InvalidTaskDefinitionException(String field, String problem) {
        super(field + ": " + problem);
    }

    /** A message that starts with the field already. */
    public InvalidTaskDefinitionException(String message) {
        super(message);
    }
}
