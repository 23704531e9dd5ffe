package dev.berth.scheduler.tags;

import static dev.berth.common.error.ApiException.invalidParameter;

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
        throw invalidParameter(field + ": TASK_DEFINITION, SERVICE or NONE, got '" + value + "'");
    }
}
