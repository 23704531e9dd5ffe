package dev.berth.logs.streams;

import dev.berth.common.error.ApiException;
import dev.berth.common.error.ErrorCode;
import java.time.Instant;

/** A stream of a log group; times in epoch milliseconds, null until its first event. */
public record LogStream(long id, long groupId, String name, Instant createdAt, Long firstEventAt, Long lastEventAt,
                        Long lastIngestedAt) {

    public static ApiException notFound(String name) {
        return new ApiException(ErrorCode.NOT_FOUND, "The specified log stream does not exist: " + name);
    }
}
