package dev.berth.common.http;

import dev.berth.common.error.ApiException;
import java.util.function.Function;

/** The page a list call asks for: up to {@code limit} items after the position {@code after} (null: the first page). */
public record PageRequest(int limit, String after) {

    /** From a list call's {@code maxResults} and {@code nextToken}, or an InvalidParameterException naming the bad one. */
    public static PageRequest of(Integer maxResults, String nextToken, int defaultLimit, int max) {
        return of(maxResults, nextToken, defaultLimit, max, ApiException::invalidParameter);
    }

    /** As {@link #of(Integer, String, int, int)}, with {@code invalid} making the error from a message naming the field. */
    public static PageRequest of(Integer maxResults, String nextToken, int defaultLimit, int max,
                                 Function<String, ? extends RuntimeException> invalid) {
        int limit = PageTokens.limit(maxResults, defaultLimit, max, invalid);
        return new PageRequest(limit, PageTokens.decode(nextToken,
                () -> invalid.apply("nextToken: not a token this API gave out")));
    }

    /** One more than the page holds: finding that many items tells that another page follows. */
    public int rowsToRead() {
        return limit + 1;
    }
}
