package dev.berth.logs.streams;

import dev.berth.common.error.ApiException;
import java.time.Instant;

/** A stream of a log group; times in epoch milliseconds, null until its first event. */
public record LogStream(long id, long groupId, String name, Instant createdAt, Long firstEventAt, Long lastEventAt,
                        Long lastIngestedAt) {

    public static ApiException notFound(String name) {
        return new ApiException(404, "ResourceNotFoundException", "The specified log stream does not exist: " + name);
    }
}
