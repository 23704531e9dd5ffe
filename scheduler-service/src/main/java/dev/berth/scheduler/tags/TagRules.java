package dev.berth.scheduler.tags;

import dev.berth.common.error.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ECS's limits on tags: at most 50 per resource; a key of 1 to 128 and a value of up to 256
 * letters, digits, spaces and {@code _ . : / = + - @}; keys and values starting with
 * {@code aws:} (in any case) are reserved. Errors name the field, e.g. {@code tags[2].key}.
 */
public final class TagRules {

    public static final int MAX_TAGS = 50;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRules() {
    }

    /** The tags given, each with a value (the empty one when left out); null means none. */
    public static List<Tag> check(String field, List<Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException(field, "at most " + MAX_TAGS + " tags per resource, got " + tags.size());
        }
        List<Tag> checked = new ArrayList<>(tags.size());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String at = field + "[" + i + "]";
            Tag tag = tags.get(i);
            if (tag == null) {
                throw new InvalidInputException(at, "a tag is {\"key\": ..., \"value\": ...}");
            }
            String key = key(at + ".key", tag.key());
            if (!keys.add(key)) {
                throw new InvalidInputException(at + ".key", "'" + key + "' is given twice");
            }
            String value = tag.value() == null ? "" : tag.value();
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidInputException(at + ".value", "at most " + MAX_VALUE_LENGTH + " characters, got " + value.length());
            }
            characters(at + ".value", value);
            checked.add(new Tag(key, value));
        }
        return checked;
    }

    /** UntagResource's keys. */
    public static List<String> checkKeys(String field, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new InvalidInputException(field, "at least one tag key is required");
        }
        if (keys.size() > MAX_TAGS) {
            throw new InvalidInputException(field, "at most " + MAX_TAGS + " keys, got " + keys.size());
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            checked.add(key(field + "[" + i + "]", keys.get(i)));
        }
        return checked;
    }

    private static String key(String field, String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException(field, "a key of 1 to " + MAX_KEY_LENGTH + " characters is required");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(field, "at most " + MAX_KEY_LENGTH + " characters, got " + key.length());
        }
        characters(field, key);
        return key;
    }

    private static void characters(String field, String text) {
        if (text.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw new InvalidInputException(field, "the prefix 'aws:' is reserved");
        }
        if (!CHARACTERS.matcher(text).matches()) {
            throw new InvalidInputException(field, "letters, digits, spaces and _ . : / = + - @ only");
        }
    }
}
