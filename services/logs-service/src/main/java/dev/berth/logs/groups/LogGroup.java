package dev.berth.logs.groups;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import java.time.Instant;
import java.util.Map;

/**
 * A tenant's log group.
 *
 * @param retentionDays null when events never expire
 */
public record LogGroup(long id, String tenant, String name, Integer retentionDays, Map<String, String> tags,
                       Instant createdAt) {

    /** The partition class its new events are written to: the retention in days, 0 for never. */
    public int retentionClass() {
        return RetentionDays.classOf(retentionDays);
    }

    /** The oldest event time (epoch ms) readers may still see at {@code nowMillis}; 0 when nothing expires. */
    public long visibleFrom(long nowMillis) {
        return RetentionDays.visibleFrom(retentionDays, nowMillis);
    }

    public static ApiException notFound(String name) {
        return new ApiException(ErrorCode.NOT_FOUND, "The specified log group does not exist: " + name);
    }
}
