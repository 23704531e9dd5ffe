package dev.berth.scheduler.tags;

import dev.berth.common.error.InvalidInputException;

/** ECS's propagateTags: where a service's or RunTask's tasks take their tags from. */
public enum PropagateTags {
    TASK_DEFINITION, SERVICE, NONE;

    /** The value given, NONE when left out; anything else is refused naming the field. */
    public static PropagateTags parse(String field, String value) {
        if (value == null) {
            return NONE;
        }
        for (PropagateTags candidate : values()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new InvalidInputException(field, "TASK_DEFINITION, SERVICE or NONE, got '" + value + "'");
    }
}
