package dev.berth.logs.filter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a space-delimited pattern declares, and which field of a message each one takes. Without
 * '...' the message must have exactly as many fields as the pattern; '...' stands for any number
 * (zero or more) of fields.
 */
final class FieldLayout {

    private final int slots;
    private final int ellipsis;
    private final Map<String, Integer> slotByName = new HashMap<>();

    /**
     * @param names    per slot, the field name or null for an unnamed field or '...'
     * @param ellipsis the slot of '...', or -1
     */
    FieldLayout(List<String> names, int ellipsis) {
        this.slots = names.size();
        this.ellipsis = ellipsis;
        for (int slot = 0; slot < names.size(); slot++) {
            if (names.get(slot) != null) {
                slotByName.put(names.get(slot), slot);
            }
        }
    }

    boolean fits(int fieldCount) {
        return ellipsis < 0 ? fieldCount == slots : fieldCount >= slots - 1;
    }

    int fieldIndex(int slot, int fieldCount) {
        return ellipsis < 0 || slot < ellipsis ? slot : fieldCount - (slots - slot);
    }

    /** The slot of a named field, or -1. */
    int slotOf(String name) {
        Integer slot = slotByName.get(name);
        return slot == null ? -1 : slot;
    }
}
