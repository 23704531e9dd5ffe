package dev.berth.logs.groups;

import dev.berth.common.error.InvalidInputException;
import java.util.List;

/** The retention periods CloudWatch Logs allows, in days. */
public final class RetentionDays {

    public static final List<Integer> ALLOWED = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private RetentionDays() {
    }

    /** {@code value} if CloudWatch allows it (null = never expire), else an error naming the field. */
    public static Integer validate(Integer value) {
        if (value != null && !ALLOWED.contains(value)) {
            throw new InvalidInputException("retentionInDays", "must be one of " + ALLOWED + ", got " + value);
        }
        return value;
    }

    public static int classOf(Integer retentionDays) {
        return retentionDays == null ? 0 : retentionDays;
    }

    /** The oldest event time (epoch ms) a retention keeps at {@code nowMillis}; 0 when it keeps everything. */
    public static long visibleFrom(Integer retentionDays, long nowMillis) {
        return retentionDays == null ? 0 : nowMillis - retentionDays * 86_400_000L;
    }
}
