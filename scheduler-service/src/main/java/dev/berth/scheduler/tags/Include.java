package dev.berth.scheduler.tags;

import static dev.berth.common.error.ApiException.invalidParameter;

import java.util.List;

/** ECS's {@code include} of the describe actions: Berth adds the resource's tags for TAGS. */
public final class Include {

    private Include() {
    }

    /** Whether the tags are asked for; any other value is refused naming the field. */
    public static boolean tags(String field, List<String> include) {
        if (include == null || include.isEmpty()) {
            return false;
        }
        for (int i = 0; i < include.size(); i++) {
            if (!"TAGS".equals(include.get(i))) {
                throw invalidParameter(field + (include.size() > 1 ? "[" + i + "]" : "") + ": TAGS is what Berth adds, got '"
                        + include.get(i) + "'");
            }
        }
        return true;
    }
}
