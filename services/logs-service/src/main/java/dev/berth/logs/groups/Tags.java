package dev.berth.logs.groups;

import dev.berth.common.error.InvalidInputException;
import java.util.Map;

/** CloudWatch's tag rules: at most 50, keys 1–128 and values up to 256 characters. */
final class Tags {

    private Tags() {
    }

    static Map<String, String> validate(Map<String, String> tags) {
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > 50) {
            throw new InvalidInputException("tags", "at most 50, got " + tags.size());
        }
        tags.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw new InvalidInputException("tags", "key '" + key + "' must have 1 to 128 characters");
            }
            if (value == null || value.length() > 256) {
                throw new InvalidInputException("tags." + key, "a value of up to 256 characters is required");
            }
        });
        return tags;
    }
}
