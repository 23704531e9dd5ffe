package dev.berth.scheduler.taskdefinitions;

import dev.berth.common.error.ErrorCode;
import dev.berth.common.error.InvalidInputException;

/** {@code family}, {@code family:revision} or {@code arn:...:task-definition/family:revision}; no revision means the latest ACTIVE one. */
public record TaskDefinitionReference(String family, Integer revision) {

    public static TaskDefinitionReference parse(String name) {
        String plain = name.contains("task-definition/") ? name.substring(name.indexOf("task-definition/") + 16) : name;
        int colon = plain.lastIndexOf(':');
        if (colon < 0) {
            return new TaskDefinitionReference(plain, null);
        }
        try {
            int revision = Integer.parseInt(plain.substring(colon + 1));
            if (revision < 1) {
                throw new NumberFormatException();
            }
            return new TaskDefinitionReference(plain.substring(0, colon), revision);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(ErrorCode.CLIENT, "taskDefinition", "'" + name + "' has no valid revision after ':'");
        }
    }
}
